package dk.kk.gevinstspor.domain;

import static dk.kk.gevinstspor.domain.Fixtures.actuals;
import static dk.kk.gevinstspor.domain.Fixtures.kr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActualsTest {

    private static final Actuals ACTUALS = actuals(
            "2026 inv=1000000 op=50000 rep=10 | 2027 eff=400000 cost=20000 tr=30000 rep=20 kpi.K1=12.5 ms.M1=2027 | 2029 ms.M1=2026 why=Rettet");

    @Test
    void sums_up_to_a_year_and_missing_years_count_as_zero() {
        assertThat(ACTUALS.poolMoneyUpTo(2026)).isEqualTo(kr(1_050_000));
        assertThat(ACTUALS.poolMoneyIn(2028)).isEqualTo(kr(0));
        assertThat(ACTUALS.poolMoneyIn(2026)).isEqualTo(kr(1_050_000));
        assertThat(ACTUALS.gainUpTo(2027, GainBasis.SERVICE)).isEqualTo(kr(380_000));
        assertThat(ACTUALS.gainUpTo(2027, GainBasis.TOTAL)).isEqualTo(kr(410_000));
        assertThat(ACTUALS.gainIn(2028, GainBasis.TOTAL)).isEqualTo(kr(0));
        assertThat(ACTUALS.repaidUpTo(2027)).isEqualTo(kr(30));
        assertThat(ACTUALS.hasRow(2028)).isFalse();
        assertThat(ACTUALS.forYear(2027).orElseThrow().kpi("K1")).contains(new BigDecimal("12.5"));
        assertThat(ACTUALS.forYear(2027).orElseThrow().kpi("K2")).isEmpty();
    }

    @Test
    void a_milestone_counts_from_the_earliest_reported_achieved_year_known_by_then() {
        assertThat(ACTUALS.milestoneAchievedBy("M1", 2026)).isEmpty();
        assertThat(ACTUALS.milestoneAchievedBy("M1", 2027)).contains(2027);
        assertThat(ACTUALS.milestoneAchievedBy("M1", 2029)).contains(2026);
        assertThat(ACTUALS.milestoneAchievedBy("M2", 2029)).isEmpty();
    }

    @Test
    void a_corrected_row_replaces_the_old_one() {
        YearlyActual corrected = YearlyActual.of(2026, kr(900_000), kr(0), kr(0), kr(0), kr(0));

        Actuals after = ACTUALS.with(corrected);

        assertThat(after.poolMoneyUpTo(2026)).isEqualTo(kr(900_000));
        assertThat(ACTUALS.poolMoneyUpTo(2026)).isEqualTo(kr(1_050_000));
        assertThat(Actuals.of(corrected).byYear()).containsOnlyKeys(2026);
    }

    @Test
    void rows_must_match_their_year_and_be_unique() {
        YearlyActual row = YearlyActual.of(2026, kr(1), kr(0), kr(0), kr(0), kr(0));

        assertThatThrownBy(() -> new Actuals(Map.of(2027, row))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Actuals.of(row, row)).isInstanceOf(IllegalStateException.class);
        assertThat(Actuals.none().byYear()).isEmpty();
    }

    @Test
    void a_row_compares_with_the_plan_as_a_plan_row() {
        YearlyActual row = ACTUALS.forYear(2027).orElseThrow();

        assertThat(row.asPlanYear()).isEqualTo(new PlanYear(2027, kr(0), kr(0), kr(20_000), kr(400_000), kr(30_000)));
        assertThat(row.gain(GainBasis.TOTAL)).isEqualTo(kr(410_000));
        assertThat(row.explanation()).isNull();
        assertThat(ACTUALS.forYear(2029).orElseThrow().explanation()).isEqualTo("Rettet");
        assertThat(YearlyPlan.of(PlanYear.empty(2026)).permanentYear()).isEqualTo(2026);
    }
}
