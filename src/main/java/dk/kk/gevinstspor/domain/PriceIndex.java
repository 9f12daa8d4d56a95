package dk.kk.gevinstspor.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The price index table (year → index &gt; 0). Converts {@code x × I(target) / I(source)} rounded HALF_UP to
 * øre. An empty table means factor 1: nothing is converted, amounts stay in their own price level. A needed year
 * missing from a non-empty table is an error that names every missing year at once ({@link #missingYears},
 * {@link #requireYears}, {@link MissingPriceIndexException}; DOMAIN.md Edges 10). Converting to the same year
 * changes nothing.
 */
public record PriceIndex(Map<Integer, BigDecimal> indices) {

    public PriceIndex {
        indices.forEach((year, index) -> {
            FiscalYear.check(year);
            if (index == null || index.signum() <= 0) {
                throw new IllegalArgumentException("Prisindekset skal være positivt: " + year);
            }
        });
        indices = java.util.Collections.unmodifiableMap(new TreeMap<>(indices));
    }

    /** The empty table: every conversion has factor 1. */
    public static PriceIndex empty() {
        return new PriceIndex(Map.of());
    }

    /** True when the table holds no year: every conversion has factor 1, so amounts stay in their own price level. */
    public boolean isEmpty() {
        return indices.isEmpty();
    }

    /** True when the table holds an index for the year. */
    public boolean has(int year) {
        return indices.containsKey(year);
    }

    /**
     * The needed years this table lacks, ascending. The empty table lacks none: it converts nothing (factor 1).
     * Example: a table of 2025 and 2026 asked for 2024, 2026, 2027 and 2024 again → {2024, 2027}.
     */
    public SortedSet<Integer> missingYears(Collection<Integer> needed) {
        SortedSet<Integer> missing = new TreeSet<>();
        if (!indices.isEmpty()) {
            for (Integer year : needed) {
                if (!indices.containsKey(year)) {
                    missing.add(year);
                }
            }
        }
        return missing;
    }

    /** Refuses, naming every missing year at once, when any needed year lacks an index in a non-empty table. */
    public void requireYears(Collection<Integer> needed) {
        SortedSet<Integer> missing = missingYears(needed);
        if (!missing.isEmpty()) {
            throw new MissingPriceIndexException(missing);
        }
    }

    /** Converts an amount from one price level year to another. */
    public Amount convert(Amount amount, int fromYear, int toYear) {
        if (indices.isEmpty() || fromYear == toYear) {
            return amount;
        }
        if (!indices.containsKey(fromYear) || !indices.containsKey(toYear)) {
            requireYears(List.of(fromYear, toYear)); // throws, naming both when both are missing
        }
        BigDecimal converted = amount.value().multiply(index(toYear)).divide(index(fromYear), Amount.SCALE, RoundingMode.HALF_UP);
        return Amount.of(converted);
    }

    /** Converts between price levels. */
    public Amount convert(Amount amount, PriceLevel from, PriceLevel to) {
        return convert(amount, from.year(), to.year());
    }

    private BigDecimal index(int year) {
        return indices.get(year);
    }
}
