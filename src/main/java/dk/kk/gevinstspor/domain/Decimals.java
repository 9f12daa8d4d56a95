package dk.kk.gevinstspor.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one normal form of a figure that is not money (a KPI's target or value): the same value with the smallest
 * scale ≥ 0, so that {@code 12.50} from one store and {@code 12.5} from another are the same figure. Money keeps its
 * øre ({@link Amount}).
 */
public final class Decimals {

    private Decimals() {
    }

    /** The same value with the smallest scale ≥ 0 ({@code 2500000.00} → {@code 2500000}, {@code 0.0} → {@code 0}). */
    public static BigDecimal plain(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** An unmodifiable copy, ordered by key, with every value {@link #plain}. */
    static <K> Map<K, BigDecimal> plain(Map<K, BigDecimal> values) {
        Map<K, BigDecimal> result = new TreeMap<>();
        values.forEach((key, value) -> result.put(key, plain(value)));
        return Map.copyOf(result);
    }
}
