package dk.kk.gevinstspor.domain;

import static dk.kk.gevinstspor.domain.Fixtures.dec;
import static dk.kk.gevinstspor.domain.Fixtures.kr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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
                .satisfies(e -> assertThat(((MissingPriceIndexException) e).years()).containsExactly(2024))
                .hasMessage("Prisindekset mangler året 2024");
        assertThatThrownBy(() -> INDEX.convert(kr(1), 2026, 2030))
                .isInstanceOf(MissingPriceIndexException.class)
                .satisfies(e -> assertThat(((MissingPriceIndexException) e).years()).containsExactly(2030));
    }

    @Test
    void a_conversion_between_two_missing_years_names_both() {
        assertThatThrownBy(() -> INDEX.convert(kr(1), 2030, 2023))
                .isInstanceOf(MissingPriceIndexException.class)
                .satisfies(e -> assertThat(((MissingPriceIndexException) e).years()).containsExactly(2023, 2030))
                .hasMessage("Prisindekset mangler årene 2023 og 2030");
    }

    @Test
    void a_report_needing_2023_to_2028_of_a_table_of_2025_to_2027_lacks_2023_2024_and_2028_all_at_once() {
        // proposals in 2023-, 2024-, 2025- and 2026-P/L (2024 twice), a report in 2028-P/L
        List<Integer> needed = List.of(2026, 2024, 2023, 2025, 2024, 2028);

        assertThat(INDEX.missingYears(needed)).containsExactly(2023, 2024, 2028);
        assertThatThrownBy(() -> INDEX.requireYears(needed))
                .isInstanceOf(MissingPriceIndexException.class)
                .satisfies(e -> assertThat(((MissingPriceIndexException) e).years()).containsExactly(2023, 2024, 2028))
                .hasMessage("Prisindekset mangler årene 2023, 2024 og 2028");
    }

    @Test
    void nothing_is_missing_when_every_needed_year_has_an_index_or_nothing_is_needed() {
        assertThat(INDEX.missingYears(List.of(2025, 2027, 2027))).isEmpty();
        assertThat(INDEX.missingYears(List.of())).isEmpty();
        INDEX.requireYears(List.of(2025, 2026, 2027));
        assertThat(INDEX.has(2026)).isTrue();
        assertThat(INDEX.has(2024)).isFalse();
    }

    @Test
    void the_empty_table_lacks_no_year_because_it_converts_nothing() {
        assertThat(PriceIndex.empty().isEmpty()).isTrue();
        assertThat(INDEX.isEmpty()).isFalse();
        assertThat(PriceIndex.empty().missingYears(List.of(2021, 2026, 2030))).isEmpty();
        PriceIndex.empty().requireYears(List.of(2021, 2030));
        assertThat(PriceIndex.empty().has(2026)).isFalse();
    }

    @Test
    void the_missing_years_are_sorted_unique_and_cannot_be_changed_or_empty() {
        MissingPriceIndexException e = new MissingPriceIndexException(List.of(2027, 2021, 2027));

        assertThat(e.years()).containsExactly(2021, 2027);
        assertThatThrownBy(() -> e.years().add(2030)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new MissingPriceIndexException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_table_refuses_non_positive_indices() {
        assertThatThrownBy(() -> new PriceIndex(Map.of(2026, dec("0")))).isInstanceOf(IllegalArgumentException.class);
        java.util.Map<Integer, java.math.BigDecimal> withNull = new java.util.HashMap<>();
        withNull.put(2026, null);
        assertThatThrownBy(() -> new PriceIndex(withNull)).isInstanceOf(IllegalArgumentException.class);
    }
}
