package dk.kk.gevinstspor.domain;

import static dk.kk.gevinstspor.domain.Fixtures.dec;
import static dk.kk.gevinstspor.domain.Fixtures.kr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountTest {

    @ParameterizedTest(name = "\"{0}\" is {1} kr.")
    @CsvSource({"1234.5, 1234.50", "0, 0.00", "-12.34, -12.34", "1.230, 1.23", " 7 , 7.00", "1E+3, 1000.00", "12.500000, 12.50", "0.00, 0.00"})
    void an_amount_has_exactly_two_decimals(String text, String expected) {
        Amount amount = Amount.of(text);

        assertThat(amount.value()).isEqualByComparingTo(expected);
        assertThat(amount.value().scale()).isEqualTo(2);
        assertThat(amount.toString()).isEqualTo(expected);
        assertThat(Amount.of(dec(text.trim()))).isEqualTo(amount);
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"1.234", "0.001", "1.2340", "abc", ""})
    void more_than_two_decimals_or_no_number_is_refused_not_rounded(String text) {
        assertThatThrownBy(() -> Amount.of(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void null_is_refused() {
        assertThatThrownBy(() -> Amount.of((String) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Amount.of((BigDecimal) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void arithmetic_is_exact_and_times_rounds_half_up_to_ore() {
        assertThat(Amount.of("10.05").plus(Amount.of("0.95"))).isEqualTo(kr(11));
        assertThat(kr(10).minus(Amount.of("0.01"))).isEqualTo(Amount.of("9.99"));
        assertThat(kr(10).negate()).isEqualTo(kr(-10));
        assertThat(kr(-10).abs()).isEqualTo(kr(10));
        assertThat(Amount.of("0.05").times(dec("0.5"))).isEqualTo(Amount.of("0.03"));
        assertThat(Amount.of("-0.05").times(dec("0.5"))).isEqualTo(Amount.of("-0.03"));
        assertThat(Amount.of("100.00").times(dec("0.333"))).isEqualTo(Amount.of("33.30"));
        assertThat(Amount.sum(List.of(kr(1), kr(2), Amount.of("0.5")))).isEqualTo(Amount.of("3.5"));
        assertThat(Amount.sum(List.of())).isEqualTo(Amount.ZERO);
    }

    @Test
    void comparisons() {
        assertThat(kr(0).isZero()).isTrue();
        assertThat(kr(1).isZero()).isFalse();
        assertThat(kr(1).isPositive()).isTrue();
        assertThat(kr(0).isPositive()).isFalse();
        assertThat(kr(-1).isNegative()).isTrue();
        assertThat(kr(0).isNegative()).isFalse();
        assertThat(kr(2).isGreaterThan(kr(1))).isTrue();
        assertThat(kr(1).isGreaterThan(kr(1))).isFalse();
        assertThat(kr(1).isLessThan(kr(2))).isTrue();
        assertThat(kr(2).isLessThan(kr(2))).isFalse();
        assertThat(kr(1).max(kr(2))).isEqualTo(kr(2));
        assertThat(kr(3).max(kr(2))).isEqualTo(kr(3));
        assertThat(kr(1).compareTo(kr(2))).isNegative();
    }
}
