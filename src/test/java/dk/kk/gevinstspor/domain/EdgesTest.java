package dk.kk.gevinstspor.domain;

import static dk.kk.gevinstspor.domain.Fixtures.actuals;
import static dk.kk.gevinstspor.domain.Fixtures.dec;
import static dk.kk.gevinstspor.domain.Fixtures.kr;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dk.kk.gevinstspor.domain.rules.FindingCode;
import dk.kk.gevinstspor.domain.rules.RuleContext;
import dk.kk.gevinstspor.domain.rules.Rules;

/**
 * DOMAIN.md Edges 1–8, each as worked examples that the rules before the edges got wrong: firing, not firing and
 * the boundaries. (9, approvals: {@code ApprovalOrderTest}; 10, price index: {@code PriceIndexTest}.)
 */
class EdgesTest {

    private static final BigDecimal TOLERANCE = dec("0.05");
    private static final Evaluator EVALUATOR = Evaluator.withDefaults();
    private static final Map<String, String> COMMITTEE_OF = Map.of("ØKF", "ØU", "BUF", "BUU", "SOF", "SOU", "TMF", "TMU",
            "KFF", "KFU", "SUF", "SUU", "BIF", "BIU");

    @Nested
    class Edge1_cross_cutting_means_three_fagforvaltninger {

        @ParameterizedTest(name = "{0} + {1} → cross-cutting {2}")
        @CsvSource(delimiter = ';', textBlock = """
            BUF ; SOF         ; false
            BUF ; SOF,ØKF     ; false
            ØKF ; BUF,SOF     ; false
            BUF ; SOF,TMF     ; true
            ØKF ; BUF,SOF,TMF ; true
            """)
        void only_fagforvaltninger_count(String lead, String others, boolean crossCutting) {
            Proposal proposal = Fixtures.investment("2026 inv=100000 | 2027 eff=100000").leadAdministration(lead)
                    .administrations(Set.of(others.split(","))).build();

            assertThat(proposal.crossCutting()).isEqualTo(crossCutting);
        }

        @Test
        void the_flags_come_from_the_reference_data() {
            Proposal proposal = Fixtures.investment("2026 inv=100000 | 2027 eff=100000")
                    .administrations(Set.of("BUF", "SOF", "ØKF")).sectors(Set.of("BUF", "SOF", "ØKF")).build();

            assertThat(proposal.crossCutting()).isTrue();
            assertThat(proposal.sectorAdministrations()).containsExactlyInAnyOrder("BUF", "SOF", "ØKF");
        }

        @Test
        void two_fagforvaltninger_and_OEKF_go_to_the_leads_majbidrag_and_a_pre_analysis_of_them_is_a_loan() {
            Proposal investment = Fixtures.investment("2024 inv=100000 | 2025 eff=100000")
                    .administrations(Set.of("BUF", "SOF", "ØKF")).build();

            assertThat(ReportMembership.inAudience(ReportScope.majbidrag(2026, "BUU", COMMITTEE_OF), investment)).isTrue();
            assertThat(ReportMembership.inAudience(ReportScope.financeCommittee(2026), investment)).isFalse();
            Loan loan = new Loan(kr(600_000), 2024, Map.of(2025, kr(600_000)));
            assertThat(PlanValidator.validate(List.of(input(2024, 600_000)), false, ProposalKind.PRE_ANALYSIS,
                    Proposal.crossCutting(Set.of("TMF", "BUF", "ØKF"), Proposal.SEED_SECTOR_ADMINISTRATIONS),
                    Optional.of(loan))).isEmpty();
        }
    }

    @Nested
    class Edge2_realisation_when_the_planned_gain_is_not_positive {

        /** 2026 plans a running cost of 100.000 before any efficiency (Σ planned g in 2026 = −100.000). */
        private final Proposal proposal = Fixtures.investment("2026 inv=200000 cost=100000 | 2027 eff=400000").build();

        @ParameterizedTest(name = "running cost {0} against 100.000 planned → realisation {1}, {2}")
        @CsvSource(delimiter = ';', textBlock = """
            150000 ; 0.500 ; RED
            100000 ; 1.000 ; GREEN
            105000 ; 0.950 ; GREEN
            105001 ; 0.950 ; AMBER
             50000 ; 1.500 ; GREEN
            """)
        void planned_sum_below_zero_overspending_lowers_it(long cost, String realisation, FollowUpStatus status) {
            Evaluation e = EVALUATOR.evaluate(proposal, actuals("2026 inv=200000 cost=" + cost + " why=Afvigelse"), 2026);

            assertThat(e.realisation().cumulative()).map(Ratio::shown).contains(new BigDecimal(realisation));
            assertThat(e.realisation().year()).map(Ratio::shown).contains(new BigDecimal(realisation));
            assertThat(e.status()).isEqualTo(status);
        }

        @Test
        void planned_sum_zero_gives_no_realisation() {
            Proposal noGainYet = Fixtures.investment("2026 inv=200000 | 2027 eff=400000").build();

            Evaluation e = EVALUATOR.evaluate(noGainYet, actuals("2026 inv=200000 cost=50000 why=Drift"), 2026);

            assertThat(e.realisation().cumulative()).isEmpty();
            assertThat(e.status()).isEqualTo(FollowUpStatus.GREEN);
        }

        @Test
        void planned_sum_above_zero_is_actual_over_planned_E4() {
            Proposal e4 = Fixtures.investment("2021 inv=500000 | 2022 eff=250000 | 2023 eff=500000").build();

            Evaluation e = EVALUATOR.evaluate(e4, actuals("2021 inv=500000 | 2022 eff=250000 | 2023 eff=400000"), 2023);

            assertThat(e.realisation().cumulative()).map(Ratio::shown).contains(new BigDecimal("0.867"));
            assertThat(Realisation.ratio(kr(300), kr(200))).map(Ratio::value).contains(new BigDecimal("1.5"));
            assertThat(Realisation.ratio(kr(-300), kr(-200))).map(Ratio::value).contains(new BigDecimal("0.5"));
            assertThat(Realisation.ratio(kr(5), kr(0))).isEmpty();
        }
    }

    @Nested
    class Edge3_permanent_gain_reached_with_a_permanent_loss {

        /** A base investment whose permanent year has a running cost of 200.000 and no efficiency: g(P) = −200.000. */
        private Proposal baseInvestment(String plan) {
            return Fixtures.investment(plan).baseInvestment(true).dependentProposals(List.of("BUF-2027-01")).build();
        }

        @ParameterizedTest(name = "g(P) = −200.000, actual running cost {0} → {1}")
        @CsvSource(delimiter = ';', textBlock = """
            190000 ; true
            210000 ; true
            210001 ; false
            """)
        void below_zero(long cost, boolean reached) {
            Proposal p = baseInvestment("2026 inv=1000000 | 2027 cost=200000");

            FullyImplemented result = FullyImplemented.of(p, actuals("2026 inv=1000000 | 2027 cost=" + cost), 2027, TOLERANCE);

            assertThat(result.conditions()).contains(ConditionResult.of(FullyImplementedCondition.PERMANENT_GAIN_REACHED, reached));
            assertThat(result.year()).isEqualTo(reached ? Optional.of(2027) : Optional.empty());
        }

        @ParameterizedTest(name = "g(P) = 0, actual running cost {0} → {1}")
        @CsvSource(delimiter = ';', textBlock = """
            0 ; true
            1 ; false
            """)
        void zero(long cost, boolean reached) {
            Proposal p = baseInvestment("2026 inv=1000000 | 2027 cost=0");

            FullyImplemented result = FullyImplemented.of(p, actuals("2026 inv=1000000 | 2027 cost=" + cost), 2027, TOLERANCE);

            assertThat(result.isFullyImplemented()).isEqualTo(reached);
        }

        @ParameterizedTest(name = "g(P) = 500.000, actual efficiency {0} → {1}")
        @CsvSource(delimiter = ';', textBlock = """
            475000 ; true
            474999 ; false
            """)
        void above_zero(long efficiency, boolean reached) {
            Proposal p = Fixtures.investment("2026 inv=1000000 | 2027 eff=500000").build();

            FullyImplemented result = FullyImplemented.of(p, actuals("2026 inv=1000000 | 2027 eff=" + efficiency), 2027, TOLERANCE);

            assertThat(result.isFullyImplemented()).isEqualTo(reached);
        }
    }

    @Nested
    class Edge4_effects_not_followed_up {

        private final Proposal proposal = Fixtures.investment("2026 inv=500000 | 2027 eff=300000").transfersEffect(true)
                .assessments(List.of(new Assessment(AssessmentType.ANALYSIS_UNIT, LocalDate.of(2025, 9, 1), "AE-1", false)))
                .build();

        @Test
        void the_effect_fields_need_no_explanation_but_the_costs_do() {
            YearlyActual effectsOff = actuals("2027 eff=0 tr=-50000").forYear(2027).orElseThrow();
            YearlyActual costOff = actuals("2027 eff=0 cost=40000").forYear(2027).orElseThrow();

            assertThat(ExplanationRule.deviatingFields(proposal, effectsOff, TOLERANCE)).isEmpty();
            assertThat(ExplanationRule.deviatingFields(proposal, costOff, TOLERANCE)).containsExactly("operatingCost");
            Proposal followedUp = proposal.toBuilder().assessments(List.of()).build();
            assertThat(ExplanationRule.deviatingFields(followedUp, effectsOff, TOLERANCE))
                    .containsExactly("serviceEfficiency", "transferEffect");
        }

        @Test
        void the_permanent_gain_is_not_judged_so_the_other_conditions_decide() {
            Evaluation e = EVALUATOR.evaluate(proposal, actuals("2026 inv=500000 | 2027 eff=0"), 2027);

            assertThat(e.fullyImplemented().year()).contains(2027);
            assertThat(e.fullyImplemented().conditions())
                    .contains(ConditionResult.notJudged(FullyImplementedCondition.PERMANENT_GAIN_REACHED));
            assertThat(e.realisation().notDue()).isTrue();
            assertThat(e.targets()).singleElement().extracting(TargetResult::status).isEqualTo(TargetStatus.NOT_DUE);
        }

        @Test
        void pool_money_still_keeps_it_in_follow_up() {
            Evaluation e = EVALUATOR.evaluate(proposal, actuals("2026 inv=400000 | 2027 inv=100000 eff=0 why=Forsinket"), 2027);

            assertThat(e.fullyImplemented().isFullyImplemented()).isFalse();
        }
    }

    @Nested
    class Edge5_a_loan_keeps_a_proposal_in_follow_up {

        /** E5: a pre-analysis of 600.000 in 2021, repaid with 300.000 in 2022 and 2023. */
        private final Proposal preAnalysis = Fixtures.preAnalysis("2021 inv=600000",
                Map.of(2022, kr(300_000), 2023, kr(300_000))).build();
        private final Actuals actuals = actuals("2021 inv=600000 ms.M1=2021 | 2022 rep=300000 | 2023 rep=300000");

        @Test
        void not_fully_implemented_until_repaid() {
            assertThat(FullyImplemented.of(preAnalysis, actuals, 2022, TOLERANCE).year()).isEmpty();
            assertThat(FullyImplemented.of(preAnalysis, actuals, 2022, TOLERANCE).conditions())
                    .contains(ConditionResult.of(FullyImplementedCondition.LOAN_REPAID, false));
            assertThat(FullyImplemented.of(preAnalysis, actuals, 2023, TOLERANCE).year()).contains(2023);
        }

        @Test
        void it_stays_in_the_majbidrag_while_repaying() {
            ReportScope may2024 = ReportScope.majbidrag(2024, "TMU", COMMITTEE_OF);
            ReportScope may2025 = ReportScope.majbidrag(2025, "TMU", COMMITTEE_OF);

            assertThat(ReportMembership.belongs(may2024, preAnalysis,
                    FullyImplemented.of(preAnalysis, actuals, 2023, TOLERANCE).year())).isTrue();
            assertThat(ReportMembership.belongs(may2025, preAnalysis,
                    FullyImplemented.of(preAnalysis, actuals, 2024, TOLERANCE).year())).isFalse();
        }

        @Test
        void proposals_without_a_loan_do_not_list_the_condition() {
            Proposal innovation = Fixtures.innovation("2021 inv=600000").build();

            assertThat(FullyImplemented.of(innovation, actuals, 2023, TOLERANCE).conditions())
                    .extracting(ConditionResult::condition).doesNotContain(FullyImplementedCondition.LOAN_REPAID);
        }
    }

    @Nested
    class Edge6_the_loan_year_is_a_year_of_the_plan {

        @ParameterizedTest(name = "loan year {0} in a 2024–2025 plan → refused {1}")
        @CsvSource(delimiter = ';', textBlock = """
            2023 ; true
            2024 ; false
            2025 ; false
            2026 ; true
            """)
        void at_y1_at_P_outside(int loanYear, boolean refused) {
            Loan loan = new Loan(kr(600_000), loanYear, Map.of(2026, kr(600_000)));

            List<ValidationError> errors = PlanValidator.validate(List.of(input(2024, 300_000), input(2025, 300_000)), false,
                    ProposalKind.PRE_ANALYSIS, false, Optional.of(loan));

            assertThat(errors.stream().anyMatch(e -> e.code().equals(PlanValidator.LOAN_YEAR_OUTSIDE_PLAN))).isEqualTo(refused);
        }
    }

    @Nested
    class Edge7_cancelled_proposals_count_with_what_they_used {

        private final Proposal innovation = Fixtures.innovation("2024 inv=1000000 | 2025 inv=1000000")
                .adoptionRound(AdoptionRound.BUDGET).adoptionYear(2024).build();

        @ParameterizedTest(name = "spent {0} before the cancellation → counts {1}")
        @CsvSource(delimiter = ';', textBlock = """
                  0 ;       0
             800000 ;  800000
            2100000 ; 2000000
            """)
        void total_minus_treasury_return(long spent, long counted) {
            Proposal cancelled = innovation.toBuilder().cancellation(new Cancellation(2024)).build();
            Actuals spending = actuals("2024 inv=" + spent);

            FrameReport report = InnovationFrames.allocate(2024, FrameLimits.defaults(), List.of(cancelled), p -> spending);

            assertThat(report.frame(Frame.BUDGET).allocated()).isEqualTo(kr(counted));
            assertThat(report.frame(Frame.TOTAL).allocated()).isEqualTo(kr(counted));
        }

        @Test
        void not_cancelled_counts_in_full_and_a_cancelled_one_is_not_warned() {
            FrameReport report = InnovationFrames.allocate(2024, FrameLimits.defaults().with(Frame.BUDGET, kr(1)),
                    List.of(innovation), p -> Actuals.none());
            Proposal cancelled = innovation.toBuilder().cancellation(new Cancellation(2024)).build();

            assertThat(report.frame(Frame.BUDGET).allocated()).isEqualTo(kr(2_000_000));
            assertThat(Rules.check(RuleContext.of(innovation, report))).anyMatch(f -> f.code() == FindingCode.FRAME_EXCEEDED);
            assertThat(Rules.check(RuleContext.of(cancelled, report))).noneMatch(f -> f.code() == FindingCode.FRAME_EXCEEDED);
        }
    }

    @Nested
    class Edge8_after_follow_up_ends {

        private final Proposal e4 = Fixtures.investment("2021 inv=500000 | 2022 eff=250000 | 2023 eff=500000").build();

        @Test
        void a_later_year_shows_the_fully_implemented_years_conditions() {
            Actuals actuals = actuals("2021 inv=500000 | 2022 eff=250000 | 2023 eff=400000 | 2024 eff=500000"
                    + " | 2025 eff=100000 op=50000 why=Ny");

            Evaluation e = EVALUATOR.evaluate(e4, actuals, 2025);

            assertThat(e.followUpYear()).isEqualTo(2024);
            assertThat(e.fullyImplemented().conditions()).allMatch(ConditionResult::holds);
            assertThat(e.status()).as("2024's: cumulative realisation 1.150 / 1.250").isEqualTo(FollowUpStatus.AMBER);
            assertThat(e.figures()).isEqualTo(EVALUATOR.evaluate(e4, actuals, 2024).figures());
        }

        @Test
        void a_cancelled_proposal_shows_its_effective_year_and_the_loan_at_the_end_of_Y() {
            Proposal preAnalysis = Fixtures.preAnalysis("2021 inv=600000", Map.of(2022, kr(300_000), 2023, kr(300_000)))
                    .cancellation(new Cancellation(2022)).build();
            Actuals actuals = actuals("2021 inv=600000 | 2022 rep=300000 | 2023 rep=300000");

            Evaluation e = EVALUATOR.evaluate(preAnalysis, actuals, 2023);

            assertThat(e.followUpYear()).isEqualTo(2022);
            assertThat(e.fullyImplemented().conditions())
                    .contains(ConditionResult.of(FullyImplementedCondition.NOT_CANCELLED, false),
                            ConditionResult.of(FullyImplementedCondition.LOAN_REPAID, false));
            assertThat(e.loan()).map(LoanStatus::status).contains(RepaymentStatus.REPAID);
            assertThat(e.cancelled()).isTrue();
        }
    }

    private static PlanInput input(int year, long investment) {
        return new PlanInput(year, BigDecimal.valueOf(investment), null, null, null, null);
    }
}
