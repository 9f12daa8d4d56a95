package dk.kk.gevinstspor.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** Amounts read and shown back the Danish way: what was typed is what is shown. */
class DanishNumbersTest {

    @Test
    void an_amount_with_oere_is_shown_with_two_decimals_as_stored() {
        assertThat(DanishNumbers.kroner(new BigDecimal("1250000.50"))).isEqualTo("1.250.000,50");
        assertThat(DanishNumbers.kroner(new BigDecimal("1250000.5"))).isEqualTo("1.250.000,50");
        assertThat(DanishNumbers.kroner(new BigDecimal("0.05"))).isEqualTo("0,05");
        assertThat(DanishNumbers.kroner(new BigDecimal("-12.3"))).isEqualTo("-12,30");
        assertThat(DanishNumbers.kroner(DanishNumbers.parse("1.250.000,50"))).isEqualTo("1.250.000,50");
    }

    @Test
    void whole_kroner_are_shown_without_decimals() {
        assertThat(DanishNumbers.kroner(new BigDecimal("1250000.00"))).isEqualTo("1.250.000");
        assertThat(DanishNumbers.kroner(new BigDecimal("1250000"))).isEqualTo("1.250.000");
        assertThat(DanishNumbers.kroner(BigDecimal.ZERO.setScale(2))).isEqualTo("0");
        assertThat(DanishNumbers.kroner(new BigDecimal("1E+3"))).isEqualTo("1.000");
        assertThat(DanishNumbers.kroner(null)).isEmpty();
    }

    @Test
    void other_figures_keep_their_own_decimals() {
        assertThat(DanishNumbers.format(new BigDecimal("1100.50"))).isEqualTo("1.100,5");
        assertThat(DanishNumbers.format(new BigDecimal("112.4035"))).isEqualTo("112,4035");
        assertThat(DanishNumbers.parse("1.234.567,50")).isEqualByComparingTo("1234567.5");
        assertThat(DanishNumbers.parse("1,234")).isEqualByComparingTo("1.234");
        assertThat(DanishNumbers.parse("12.34")).isNull();
    }
}
