package dk.kk.gevinstspor.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The price index table (year → index &gt; 0). Converts {@code x × I(target) / I(source)} rounded HALF_UP to
 * øre. An empty table means factor 1; a needed year missing from a non-empty table throws
 * {@link MissingPriceIndexException}. Converting to the same year changes nothing.
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

    /** Converts an amount from one price level year to another. */
    public Amount convert(Amount amount, int fromYear, int toYear) {
        if (indices.isEmpty() || fromYear == toYear) {
            return amount;
        }
        BigDecimal converted = amount.value().multiply(index(toYear)).divide(index(fromYear), Amount.SCALE, RoundingMode.HALF_UP);
        return Amount.of(converted);
    }

    /** Converts between price levels. */
    public Amount convert(Amount amount, PriceLevel from, PriceLevel to) {
        return convert(amount, from.year(), to.year());
    }

    private BigDecimal index(int year) {
        BigDecimal index = indices.get(year);
        if (index == null) {
            throw new MissingPriceIndexException(year);
        }
        return index;
    }
}
