package dk.kk.gevinstspor.common;

import java.math.BigDecimal;

import dk.kk.gevinstspor.domain.Decimals;

/** Showing numbers as people write them: the same value without trailing zeros ({@code 2500000.00} → {@code 2500000}). */
public final class Numbers {

    private Numbers() {
    }

    /** The same value with the smallest scale ≥ 0; numbers that differ only in trailing zeros become equal. */
    public static BigDecimal plain(BigDecimal value) {
        return Decimals.plain(value);
    }

    /** {@link #plain} as text, or null for null. */
    public static String plainString(BigDecimal value) {
        return value == null ? null : plain(value).toPlainString();
    }
}
