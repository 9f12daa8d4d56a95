package dk.kk.gevinstspor.domain;

import static dk.kk.gevinstspor.domain.Fixtures.dec;
import static dk.kk.gevinstspor.domain.Fixtures.kr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {

    @Test
    void a_fiscal_year_refuses_nonsense_and_steps_by_one() {
        assertThat(FiscalYear.of(2026).next()).isEqualTo(FiscalYear.of(2027));
        assertThat(FiscalYear.of(2026).previous()).isEqualTo(FiscalYear.of(2025));
        assertThat(FiscalYear.check(1900)).isEqualTo(1900);
        assertThat(FiscalYear.of(2999).compareTo(FiscalYear.of(2026))).isPositive();
        assertThatThrownBy(() -> FiscalYear.of(1899)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FiscalYear.of(3000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_price_level_is_a_valid_year() {
        assertThat(PriceLevel.of(2026).year()).isEqualTo(2026);
        assertThatThrownBy(() -> PriceLevel.of(26)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} / {1} is shown {2}")
    @CsvSource({"650000, 750000, 0.867", "1, 3, 0.333", "2, 3, 0.667", "975000, 1000000, 0.975", "1, 1, 1.000", "-1, 3, -0.333"})
    void a_ratio_is_shown_half_up_to_three_decimals(long numerator, long denominator, String shown) {
        Ratio ratio = Ratio.between(kr(numerator), kr(denominator)).orElseThrow();

        assertThat(ratio.shown()).isEqualByComparingTo(shown);
        assertThat(ratio.shown().scale()).isEqualTo(3);
    }

    @Test
    void a_ratio_over_zero_is_empty_and_comparisons_use_unrounded_values() {
        assertThat(Ratio.between(kr(1), kr(0))).isEmpty();
        Ratio justBelow = Ratio.of("0.9499");
        assertThat(justBelow.shown()).isEqualByComparingTo("0.950");
        assertThat(justBelow.isBelow(dec("0.95"))).isTrue();
        assertThat(Ratio.of(dec("0.95")).isBelow(dec("0.95"))).isFalse();
        assertThat(Ratio.of("1.2001").isAbove(dec("1.20"))).isTrue();
        assertThat(Ratio.of("1.20").isAbove(dec("1.20"))).isFalse();
        assertThat(Ratio.of("1").compareTo(Ratio.of("2"))).isNegative();
        assertThatThrownBy(() -> Ratio.of((BigDecimal) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void payback_is_years_or_explicitly_never() {
        Payback years = Payback.years(dec("6.04"));
        Payback never = Payback.never();

        assertThat(years.shown()).contains(dec("6.0"));
        assertThat(years.value()).contains(dec("6.04"));
        assertThat(years.exceeds(dec("6"))).isTrue();
        assertThat(Payback.years(dec("6")).exceeds(dec("6"))).isFalse();
        assertThat(Payback.years(dec("0.25")).shown()).contains(dec("0.3"));
        assertThat(years.isNever()).isFalse();
        assertThat(never.isNever()).isTrue();
        assertThat(never.value()).isEmpty();
        assertThat(never.shown()).isEmpty();
        assertThat(never.exceeds(dec("6"))).isTrue();
        assertThatThrownBy(() -> Payback.years(dec("-1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Payback.years(null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest(name = "priority class {0}")
    @CsvSource({"1, EFFICIENCY_TARGET", "2, SERVICE_EFFICIENCY", "3, DEMOGRAPHY_AVOIDED_COSTS", "4, OTHER_AVOIDED_COSTS"})
    void priority_classes_one_to_four(int number, PriorityClass expected) {
        assertThat(PriorityClass.of(number)).isEqualTo(expected);
        assertThat(expected.number()).isEqualTo(number);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5})
    void priority_class_outside_one_to_four_is_refused(int number) {
        assertThatThrownBy(() -> PriorityClass.of(number)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void only_innovation_proposals_and_pre_analyses_are_innovation_pool() {
        assertThat(ProposalKind.INVESTMENT.isInnovationPool()).isFalse();
        assertThat(ProposalKind.INNOVATION.isInnovationPool()).isTrue();
        assertThat(ProposalKind.PRE_ANALYSIS.isInnovationPool()).isTrue();
    }
}
