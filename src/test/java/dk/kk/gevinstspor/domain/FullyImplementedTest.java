package dk.kk.gevinstspor.domain;

import static dk.kk.gevinstspor.domain.Fixtures.actuals;
import static dk.kk.gevinstspor.domain.Fixtures.dec;
import static dk.kk.gevinstspor.domain.Fixtures.kr;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FullyImplementedTest {

    private static final BigDecimal TOLERANCE = dec("0.05");
    private static final String PLAN = "2021 inv=500000 | 2022 eff=250000 | 2023 eff=500000";

    private static Proposal proposal() {
        return Fixtures.investment(PLAN).targets(List.of(new FollowUpTarget.Economic("EFF"),
                new FollowUpTarget.Milestone("M1", "I drift", 2022))).build();
    }

    @Test
    void reached_in_the_first_year_where_all_five_conditions_hold() {
        Actuals actuals = actuals("2021 inv=500000 | 2022 eff=250000 ms.M1=2022 | 2023 eff=475000 | 2024 eff=500000");

        FullyImplemented result = FullyImplemented.of(proposal(), actuals, 2024, TOLERANCE);

        assertThat(result.year()).contains(2023);
        assertThat(result.isFullyImplemented()).isTrue();
        assertThat(result.conditions()).extracting(ConditionResult::condition)
                .containsExactly(FullyImplementedCondition.PERMANENT_YEAR_REACHED, FullyImplementedCondition.PERMANENT_GAIN_REACHED,
                        FullyImplementedCondition.NO_POOL_MONEY, FullyImplementedCondition.MILESTONES_ACHIEVED,
                        FullyImplementedCondition.NOT_CANCELLED);
        assertThat(result.conditions()).allMatch(ConditionResult::holds);
    }

    @ParameterizedTest(name = "not fully implemented when {0} fails")
    @CsvSource(delimiter = ';', textBlock = """
        PERMANENT_YEAR_REACHED ; 2021 inv=500000 | 2022 eff=500000 ms.M1=2022                                 ; 2022
        PERMANENT_GAIN_REACHED ; 2021 inv=500000 | 2022 eff=250000 ms.M1=2022 | 2023 eff=474999               ; 2023
        PERMANENT_GAIN_REACHED ; 2021 inv=500000 | 2022 eff=250000 ms.M1=2022                                 ; 2023
        NO_POOL_MONEY          ; 2021 inv=500000 | 2022 eff=250000 ms.M1=2022 | 2023 eff=500000 op=1           ; 2023
        MILESTONES_ACHIEVED    ; 2021 inv=500000 | 2022 eff=250000 | 2023 eff=500000                          ; 2023
        MILESTONES_ACHIEVED    ; 2021 inv=500000 | 2022 eff=250000 | 2023 eff=500000 ms.M1=2024               ; 2023
        """)
    void not_reached_when_a_condition_fails(FullyImplementedCondition failing, String actualsSpec, int year) {
        FullyImplemented result = FullyImplemented.of(proposal(), actuals(actualsSpec), year, TOLERANCE);

        assertThat(result.year()).isEmpty();
        assertThat(result.conditions()).contains(ConditionResult.of(failing, false));
    }

    @Test
    void not_reached_when_cancelled() {
        Proposal cancelled = proposal().toBuilder().cancellation(new Cancellation(2023)).build();
        Actuals actuals = actuals("2021 inv=500000 | 2022 eff=250000 ms.M1=2022 | 2023 eff=500000");

        FullyImplemented result = FullyImplemented.of(cancelled, actuals, 2023, TOLERANCE);

        assertThat(result.year()).isEmpty();
        assertThat(result.conditions()).containsExactly(
                ConditionResult.of(FullyImplementedCondition.PERMANENT_YEAR_REACHED, true),
                ConditionResult.of(FullyImplementedCondition.PERMANENT_GAIN_REACHED, true),
                ConditionResult.of(FullyImplementedCondition.NO_POOL_MONEY, true),
                ConditionResult.of(FullyImplementedCondition.MILESTONES_ACHIEVED, true),
                ConditionResult.of(FullyImplementedCondition.NOT_CANCELLED, false));
    }

    @Test
    void pool_money_still_planned_after_the_year_fails_NO_POOL_MONEY() {
        Proposal proposal = Fixtures.investment("2021 inv=500000 | 2022 inv=100000 eff=500000 | 2023 eff=500000").build();

        List<ConditionResult> conditions = FullyImplemented.conditionsIn(proposal, actuals("2021 eff=500000"), 2021, TOLERANCE);

        assertThat(conditions).contains(ConditionResult.of(FullyImplementedCondition.NO_POOL_MONEY, false));
    }

    @Test
    void a_corrected_actual_moves_the_fully_implemented_year() {
        Proposal proposal = Fixtures.investment(PLAN).build();
        Actuals actuals = actuals("2021 inv=500000 | 2022 eff=250000 | 2023 eff=400000 | 2024 eff=500000");

        FullyImplemented before = FullyImplemented.of(proposal, actuals, 2024, TOLERANCE);
        FullyImplemented after = FullyImplemented.of(proposal,
                actuals.with(YearlyActual.of(2023, kr(0), kr(0), kr(0), kr(480_000), kr(0))), 2024, TOLERANCE);

        assertThat(before.year()).contains(2024);
        assertThat(after.year()).contains(2023);
    }

    @Test
    void a_proposal_with_effect_on_transfers_needs_its_total_gain() {
        Proposal proposal = Fixtures.investment("2021 inv=500000 | 2022 eff=100000 tr=400000").transfersEffect(true).build();

        assertThat(FullyImplemented.of(proposal, actuals("2022 eff=100000 tr=380000"), 2022, TOLERANCE).year()).contains(2022);
        assertThat(FullyImplemented.of(proposal, actuals("2022 eff=100000 tr=370000"), 2022, TOLERANCE).year()).isEmpty();
    }
}
