package dk.kk.gevinstspor.domain;

import static dk.kk.gevinstspor.domain.Fixtures.actuals;
import static dk.kk.gevinstspor.domain.Fixtures.dec;
import static dk.kk.gevinstspor.domain.Fixtures.kr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluatorTest {

    private static final Evaluator EVALUATOR = Evaluator.withDefaults();
    private static final String PLAN = "2026 inv=1000000 | 2027 eff=500000 | 2028 eff=1000000";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "null", textBlock = """
        # case                                               ; actuals                                              ; year ; status      ; cumulative realisation ; spend ratio
        evaluated before the first plan year is NOT_STARTED  ; -                                                    ; 2025 ; NOT_STARTED ; null  ; null
        no actuals row for the year is MISSING               ; 2026 inv=1000000                                     ; 2027 ; MISSING     ; 0     ; 1
        everything as planned is GREEN                       ; 2026 inv=1000000 | 2027 eff=500000                   ; 2027 ; GREEN       ; 1     ; 1
        no gain planned yet leaves realisation out           ; 2026 inv=1000000                                     ; 2026 ; GREEN       ; null  ; 1
        realisation of exactly 0,95 is GREEN                 ; 2026 inv=1000000 | 2027 eff=475000                   ; 2027 ; GREEN       ; 0.95  ; 1
        realisation just below 0,95 is AMBER                 ; 2026 inv=1000000 | 2027 eff=474999                   ; 2027 ; AMBER       ; 0.949998 ; 1
        realisation of exactly 0,80 is AMBER                 ; 2026 inv=1000000 | 2027 eff=400000                   ; 2027 ; AMBER       ; 0.8   ; 1
        realisation below 0,80 is RED                        ; 2026 inv=1000000 | 2027 eff=390000                   ; 2027 ; RED         ; 0.78  ; 1
        efficiency realised a year late is AMBER             ; 2026 inv=1000000 | 2027 eff=0 | 2028 eff=1400000     ; 2028 ; AMBER       ; 0.9333333333333333333333333333333333 ; 1
        spend ratio of exactly 1,05 is GREEN                 ; 2026 inv=1050000 | 2027 eff=500000                   ; 2027 ; GREEN       ; 1     ; 1.05
        spend ratio above 1,05 is AMBER                      ; 2026 inv=1060000 | 2027 eff=500000                   ; 2027 ; AMBER       ; 1     ; 1.06
        spend ratio of exactly 1,20 is AMBER                 ; 2026 inv=1200000 | 2027 eff=500000                   ; 2027 ; AMBER       ; 1     ; 1.2
        spend ratio above 1,20 is RED                        ; 2026 inv=1210000 | 2027 eff=500000                   ; 2027 ; RED         ; 1     ; 1.21
        operation funding counts as pool money               ; 2026 inv=1000000 op=210000 | 2027 eff=500000         ; 2027 ; RED         ; 1     ; 1.21
        plan continues after P at P's gain                   ; 2026 inv=1000000 | 2027 eff=500000 | 2028 eff=940000 | 2029 eff=560000 ; 2029 ; AMBER ; 0.8 ; 1
        """)
    void status_of_an_investment_proposal(String example, String actualsSpec, int year, FollowUpStatus status,
                                          BigDecimal realisation, BigDecimal spendRatio) {
        Proposal proposal = Fixtures.investment(PLAN).build();

        Evaluation evaluation = EVALUATOR.evaluate(proposal, actuals(actualsSpec), year);

        assertThat(evaluation.status()).isEqualTo(status);
        assertRatio(evaluation.realisation().cumulative().orElse(null), realisation);
        assertRatio(evaluation.spendRatio().orElse(null), spendRatio);
    }

    @Test
    void pool_money_spent_where_none_was_planned_is_RED() {
        Proposal proposal = Fixtures.investment("2026 eff=100000 | 2027 eff=100000").build();

        Evaluation evaluation = EVALUATOR.evaluate(proposal, actuals("2026 eff=100000 op=5000"), 2026);

        assertThat(evaluation.spendRatio()).isEmpty();
        assertThat(evaluation.realisation().cumulative().orElseThrow().value()).isEqualByComparingTo("1");
        assertThat(evaluation.status()).isEqualTo(FollowUpStatus.RED);
    }

    @Test
    void E4_realisation_0_867_is_AMBER_and_fully_implemented_in_2024() {
        Proposal proposal = Fixtures.investment("2021 inv=500000 | 2022 eff=250000 | 2023 eff=500000").build();
        Actuals actuals = actuals("2021 inv=500000 | 2022 eff=250000 | 2023 eff=400000 | 2024 eff=500000");

        Evaluation in2023 = EVALUATOR.evaluate(proposal, actuals, 2023);
        Evaluation in2024 = EVALUATOR.evaluate(proposal, actuals, 2024);

        assertThat(in2023.realisation().cumulative().orElseThrow().shown()).isEqualByComparingTo("0.867");
        assertThat(in2023.realisation().year().orElseThrow().shown()).isEqualByComparingTo("0.800");
        assertThat(in2023.status()).isEqualTo(FollowUpStatus.AMBER);
        assertThat(in2023.fullyImplemented().isFullyImplemented()).isFalse();
        assertThat(in2023.fullyImplemented().conditions()).contains(
                ConditionResult.of(FullyImplementedCondition.PERMANENT_GAIN_REACHED, false));
        assertThat(in2023.targets()).containsExactly(new TargetResult("EFF", TargetType.ECONOMIC, TargetStatus.NOT_MET, 0));
        assertThat(in2024.fullyImplemented().year()).contains(2024);
        assertThat(in2024.fullyImplemented().conditions()).allMatch(ConditionResult::holds);
        assertThat(in2024.followUpEnded()).isFalse();
        assertThat(in2024.figures().cumulativeActualGain()).isEqualTo(kr(1_150_000));
        assertThat(in2024.figures().cumulativePlannedGain()).isEqualTo(kr(1_250_000));
    }

    @Test
    void the_worked_example_reports_its_payback_in_the_evaluation() {
        Proposal proposal = Fixtures.investment(
                "2026 inv=3000000 | 2027 inv=1000000 eff=500000 | 2028 eff=1500000 | 2029 eff=2000000").build();

        Evaluation evaluation = EVALUATOR.evaluate(proposal, Actuals.none(), 2026);

        assertThat(evaluation.payback().service().shown()).contains(new BigDecimal("4.0"));
        assertThat(evaluation.payback().total().shown()).contains(new BigDecimal("4.0"));
        assertThat(evaluation.payback().simpleService().shown()).contains(new BigDecimal("2.0"));
        assertThat(evaluation.status()).isEqualTo(FollowUpStatus.MISSING);
        assertThat(evaluation.year()).isEqualTo(2026);
        assertThat(evaluation.loan()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
        milestone before its due year is NOT_DUE        ; 2026 inv=500000                                      ; 2026 ; NOT_DUE ; 0 ; GREEN
        milestone not achieved in its due year is AMBER ; 2026 inv=500000 | 2027 inv=500000                    ; 2027 ; NOT_MET ; 0 ; AMBER
        milestone one year late is AMBER                ; 2026 inv=500000 | 2027 inv=500000 | 2028             ; 2028 ; NOT_MET ; 1 ; AMBER
        milestone two years late is RED                 ; 2026 inv=500000 | 2027 inv=500000 | 2028 | 2029      ; 2029 ; NOT_MET ; 2 ; RED
        milestone achieved a year late is MET           ; 2026 inv=500000 | 2027 inv=500000 | 2028 ms.M1=2028  ; 2028 ; MET     ; 0 ; GREEN
        milestone achieved early is MET before due      ; 2026 inv=500000 ms.M1=2026                           ; 2026 ; MET     ; 0 ; GREEN
        milestone reported for a later year is not yet MET ; 2026 inv=500000 ms.M1=2027                        ; 2026 ; NOT_DUE ; 0 ; GREEN
        """)
    void milestones(String example, String actualsSpec, int year, TargetStatus target, int overdue, FollowUpStatus status) {
        Proposal proposal = Fixtures.innovation("2026 inv=500000 | 2027 inv=500000").build();

        Evaluation evaluation = EVALUATOR.evaluate(proposal, actuals(actualsSpec), year);

        assertThat(evaluation.targets()).containsExactly(new TargetResult("M1", TargetType.MILESTONE, target, overdue));
        assertThat(evaluation.status()).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
        higher is better at 95 % of target is MET     ; HIGHER_IS_BETTER ; 2027 eff=500000 kpi.K1=950  ; MET     ; GREEN
        higher is better below 95 % is NOT_MET        ; HIGHER_IS_BETTER ; 2027 eff=500000 kpi.K1=949  ; NOT_MET ; AMBER
        lower is better at 105 % of target is MET     ; LOWER_IS_BETTER  ; 2027 eff=500000 kpi.K1=1050 ; MET     ; GREEN
        lower is better above 105 % is NOT_MET        ; LOWER_IS_BETTER  ; 2027 eff=500000 kpi.K1=1051 ; NOT_MET ; AMBER
        KPI without a value in an existing row is MISSING ; HIGHER_IS_BETTER ; 2027 eff=500000         ; MISSING ; AMBER
        """)
    void kpis(String example, Direction direction, String row2027, TargetStatus target, FollowUpStatus status) {
        Proposal proposal = withKpi(direction);

        Evaluation evaluation = EVALUATOR.evaluate(proposal, actuals("2026 inv=1000000 | " + row2027), 2027);

        assertThat(evaluation.targets()).contains(new TargetResult("K1", TargetType.KPI, target, 0));
        assertThat(evaluation.status()).isEqualTo(status);
    }

    @Test
    void kpi_without_a_target_for_the_year_is_NOT_DUE() {
        Evaluation evaluation = EVALUATOR.evaluate(withKpi(Direction.HIGHER_IS_BETTER), actuals("2026 inv=1000000"), 2026);

        assertThat(evaluation.targets()).containsExactly(
                new TargetResult("EFF", TargetType.ECONOMIC, TargetStatus.NOT_DUE, 0),
                new TargetResult("K1", TargetType.KPI, TargetStatus.NOT_DUE, 0));
        assertThat(evaluation.status()).isEqualTo(FollowUpStatus.GREEN);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
        economic target NOT_DUE while no gain is planned ; 2026 inv=1000000                   ; 2026 ; NOT_DUE
        economic target MISSING without the year's row   ; 2026 inv=1000000                   ; 2027 ; MISSING
        economic target MET at 95 %                      ; 2026 inv=1000000 | 2027 eff=475000 ; 2027 ; MET
        economic target NOT_MET below 95 %               ; 2026 inv=1000000 | 2027 eff=474000 ; 2027 ; NOT_MET
        """)
    void economic_target(String example, String actualsSpec, int year, TargetStatus status) {
        Evaluation evaluation = EVALUATOR.evaluate(Fixtures.investment(PLAN).build(), actuals(actualsSpec), year);

        assertThat(evaluation.targets()).containsExactly(new TargetResult("EFF", TargetType.ECONOMIC, status, 0));
    }

    @Test
    void analysis_unit_following_up_only_implementation_makes_realisation_and_economic_target_NOT_DUE() {
        Proposal proposal = Fixtures.investment("2026 inv=1000000 | 2027 eff=100000 tr=400000")
                .transfersEffect(true)
                .assessments(List.of(new Assessment(AssessmentType.ANALYSIS_UNIT, LocalDate.of(2025, 9, 1), "AE-1", false)))
                .build();

        Evaluation evaluation = EVALUATOR.evaluate(proposal, actuals("2026 inv=1000000 | 2027"), 2027);

        assertThat(evaluation.realisation()).isEqualTo(Realisation.notDueAtAll());
        assertThat(evaluation.realisation().notDue()).isTrue();
        assertThat(evaluation.targets()).containsExactly(new TargetResult("EFF", TargetType.ECONOMIC, TargetStatus.NOT_DUE, 0));
        assertThat(evaluation.status()).isEqualTo(FollowUpStatus.GREEN);
    }

    @Test
    void transfers_proposals_are_followed_up_on_the_total_economy() {
        Proposal proposal = Fixtures.investment("2026 inv=1000000 | 2027 eff=100000 tr=400000").transfersEffect(true).build();

        Evaluation evaluation = EVALUATOR.evaluate(proposal, actuals("2026 inv=1000000 | 2027 eff=100000 tr=300000"), 2027);

        assertThat(evaluation.figures().plannedGain()).isEqualTo(kr(500_000));
        assertThat(evaluation.figures().actualGain()).isEqualTo(kr(400_000));
        assertThat(evaluation.realisation().cumulative().orElseThrow().value()).isEqualByComparingTo("0.8");
        assertThat(evaluation.status()).isEqualTo(FollowUpStatus.AMBER);
    }

    @Test
    void a_cancelled_proposal_is_judged_in_its_effective_year_and_frozen_after_it() {
        Proposal proposal = Fixtures.investment("2026 inv=1000000 | 2027 inv=500000 eff=200000 | 2028 eff=600000")
                .cancellation(new Cancellation(2027)).build();
        Actuals actuals = actuals("2026 inv=1000000 | 2027 inv=200000");

        Evaluation inEffectiveYear = EVALUATOR.evaluate(proposal, actuals, 2027);
        Evaluation after = EVALUATOR.evaluate(proposal, actuals, 2029);
        Evaluation before = EVALUATOR.evaluate(proposal, actuals, 2026);

        assertThat(inEffectiveYear.cancelled()).isTrue();
        assertThat(inEffectiveYear.status()).isEqualTo(FollowUpStatus.RED);
        assertThat(after.followUpYear()).isEqualTo(2027);
        assertThat(after.followUpEnded()).isTrue();
        assertThat(after.status()).isEqualTo(FollowUpStatus.RED);
        assertThat(after.figures()).isEqualTo(inEffectiveYear.figures());
        assertThat(before.cancelled()).isFalse();
        assertThat(before.status()).isEqualTo(FollowUpStatus.GREEN);
        assertThat(proposal.cancellation().treasuryReturn(proposal.plan(), actuals)).isEqualTo(kr(300_000));
    }

    @Test
    void a_fully_implemented_proposal_keeps_the_status_of_its_last_followed_up_year() {
        Proposal proposal = Fixtures.investment("2021 inv=500000 | 2022 eff=500000").build();
        Actuals actuals = actuals("2021 inv=500000 | 2022 eff=500000");

        Evaluation later = EVALUATOR.evaluate(proposal, actuals, 2025);

        assertThat(later.fullyImplemented().year()).contains(2022);
        assertThat(later.followUpYear()).isEqualTo(2022);
        assertThat(later.status()).isEqualTo(FollowUpStatus.GREEN);
        assertThat(later.fullyImplemented().before(2025)).isTrue();
        assertThat(later.fullyImplemented().before(2022)).isFalse();
    }

    @Test
    void evaluation_reports_the_loan_at_the_end_of_the_year() {
        Proposal proposal = Fixtures.preAnalysis("2021 inv=600000", Map.of(2022, kr(300_000), 2023, kr(300_000))).build();

        Evaluation evaluation = EVALUATOR.evaluate(proposal, actuals("2021 inv=600000 | 2022 rep=300000"), 2022);

        assertThat(evaluation.loan()).contains(new LoanStatus(RepaymentStatus.ON_SCHEDULE, kr(600_000), kr(300_000),
                kr(300_000), kr(300_000)));
    }

    @Test
    void settings_refuse_amber_stricter_than_red_and_odd_tolerances() {
        BigDecimal t = dec("0.05");
        assertThatThrownBy(() -> new EvaluationSettings(dec("0.96"), dec("0.95"), dec("1.20"), dec("1.05"), 2, t))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EvaluationSettings(dec("0.80"), dec("0.95"), dec("1.04"), dec("1.05"), 2, t))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EvaluationSettings(dec("0.80"), dec("0.95"), dec("1.20"), dec("1.05"), 2, dec("-0.01")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EvaluationSettings(dec("0.80"), dec("0.95"), dec("1.20"), dec("1.05"), 2, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EvaluationSettings(dec("0.80"), dec("0.95"), dec("1.20"), dec("1.05"), 0, t))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stricter_settings_change_the_colour() {
        EvaluationSettings strict = new EvaluationSettings(dec("0.99"), dec("0.999"), dec("1.20"), dec("1.05"), 1, dec("0.05"));
        Proposal proposal = Fixtures.investment(PLAN).build();

        Evaluation evaluation = new Evaluator(strict).evaluate(proposal, actuals("2026 inv=1000000 | 2027 eff=490000"), 2027);

        assertThat(evaluation.status()).isEqualTo(FollowUpStatus.RED);
        assertThat(EVALUATOR.evaluate(proposal, actuals("2026 inv=1000000 | 2027 eff=490000"), 2027).status())
                .isEqualTo(FollowUpStatus.GREEN);
    }

    private static Proposal withKpi(Direction direction) {
        return Fixtures.investment(PLAN).targets(List.of(new FollowUpTarget.Economic("EFF"),
                new FollowUpTarget.Kpi("K1", "Sagsbehandlingstimer", "timer", direction, Map.of(2027, dec("1000")))))
                .build();
    }

    static void assertRatio(Ratio actual, BigDecimal expected) {
        if (expected == null) {
            assertThat(actual).isNull();
        } else {
            assertThat(actual).isNotNull();
            assertThat(actual.value()).isEqualByComparingTo(expected);
        }
    }
}
