package dk.kk.gevinstspor.domain;

import static dk.kk.gevinstspor.domain.Fixtures.kr;
import static dk.kk.gevinstspor.domain.Fixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YearlyPlanTest {

    private static final YearlyPlan PLAN = plan("2026 inv=1000000 op=200000 | 2027 op=100000 cost=50000 eff=500000 tr=30000 | 2028 cost=50000 eff=800000 tr=-20000");

    @Test
    void the_last_row_is_the_permanent_year() {
        assertThat(PLAN.firstYear()).isEqualTo(2026);
        assertThat(PLAN.permanentYear()).isEqualTo(2028);
        assertThat(PLAN.permanent().year()).isEqualTo(2028);
    }

    @Test
    void after_P_effects_continue_and_pool_money_stops() {
        PlanYear later = PLAN.forYear(2031);

        assertThat(later).isEqualTo(new PlanYear(2031, kr(0), kr(0), kr(50_000), kr(800_000), kr(-20_000)));
        assertThat(PLAN.forYear(2025)).isEqualTo(PlanYear.empty(2025));
        assertThat(PLAN.forYear(2027).serviceEfficiency()).isEqualTo(kr(500_000));
    }

    @Test
    void gains_and_pool_money() {
        PlanYear y2027 = PLAN.forYear(2027);

        assertThat(y2027.poolMoney()).isEqualTo(kr(100_000));
        assertThat(y2027.serviceGain()).isEqualTo(kr(450_000));
        assertThat(y2027.totalGain()).isEqualTo(kr(480_000));
        assertThat(y2027.gain(GainBasis.SERVICE)).isEqualTo(kr(450_000));
        assertThat(y2027.gain(GainBasis.TOTAL)).isEqualTo(kr(480_000));
        assertThat(y2027.inYear(2030).year()).isEqualTo(2030);
        assertThat(y2027.inYear(2030).totalGain()).isEqualTo(kr(480_000));
    }

    @Test
    void sums_over_years() {
        assertThat(PLAN.totalInvestment()).isEqualTo(kr(1_000_000));
        assertThat(PLAN.totalPoolMoney()).isEqualTo(kr(1_300_000));
        assertThat(PLAN.poolMoneyAfter(2026)).isEqualTo(kr(100_000));
        assertThat(PLAN.poolMoneyAfter(2027)).isEqualTo(kr(0));
        assertThat(PLAN.poolMoneyUpTo(2026)).isEqualTo(kr(1_200_000));
        assertThat(PLAN.gainUpTo(2029, GainBasis.SERVICE)).isEqualTo(kr(450_000 + 750_000 + 750_000));
        assertThat(PLAN.gainUpTo(2029, GainBasis.TOTAL)).isEqualTo(kr(480_000 + 730_000 + 730_000));
        assertThat(PLAN.gainUpTo(2025, GainBasis.TOTAL)).isEqualTo(kr(0));
    }
}
