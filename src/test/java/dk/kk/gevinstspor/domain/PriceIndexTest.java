package dk.kk.gevinstspor.domain;

import static dk.kk.gevinstspor.domain.Fixtures.dec;
import static dk.kk.gevinstspor.domain.Fixtures.kr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceIndexTest {

    private static final PriceIndex INDEX = new PriceIndex(Map.of(2025, dec("100"), 2026, dec("103"), 2027, dec("106.3")));

    @ParameterizedTest(name = "{0} kr. in {1}-P/L is {3} kr. in {2}-P/L")
    @CsvSource(textBlock = """
        1000000, 2025, 2026, 1030000.00
        1000000, 2026, 2025, 970873.79
        1, 2025, 2027, 1.06
        0.01, 2026, 2025, 0.01
        0.02, 2026, 2027, 0.02
        1234.5, 2027, 2027, 1234.50
        """)
    void converts_with_the_index_rounding_half_up_to_ore(String amount, int from, int to, String expected) {
        assertThat(INDEX.convert(Amount.of(amount), from, to).value()).isEqualByComparingTo(expected);
        assertThat(INDEX.convert(Amount.of(amount), PriceLevel.of(from), PriceLevel.of(to)).value()).isEqualByComparingTo(expected);
    }

    @Test
    void an_empty_table_means_factor_one() {
        assertThat(PriceIndex.empty().convert(kr(1_000_000), 2020, 2030)).isEqualTo(kr(1_000_000));
    }

    @Test
    void a_needed_year_missing_from_a_non_empty_table_is_an_error() {
        assertThatThrownBy(() -> INDEX.convert(kr(1), 2024, 2026))
                .isInstanceOf(MissingPriceIndexException.class)
                .satisfies(e -> assertThat(((MissingPriceIndexException) e).year()).isEqualTo(2024))
                .hasMessageContaining("2024");
        assertThatThrownBy(() -> INDEX.convert(kr(1), 2026, 2030))
                .isInstanceOf(MissingPriceIndexException.class);
    }

    @Test
    void the_table_refuses_non_positive_indices() {
        assertThatThrownBy(() -> new PriceIndex(Map.of(2026, dec("0")))).isInstanceOf(IllegalArgumentException.class);
        java.util.Map<Integer, java.math.BigDecimal> withNull = new java.util.HashMap<>();
        withNull.put(2026, null);
        assertThatThrownBy(() -> new PriceIndex(withNull)).isInstanceOf(IllegalArgumentException.class);
    }
}
