package dk.kk.gevinstspor.common;

import java.math.BigDecimal;

/** Showing numbers as people write them: the same value without trailing zeros ({@code 2500000.00} → {@code 2500000}). */
public final class Numbers {

    private Numbers() {
    }

    /** The same value with the smallest scale ≥ 0; numbers that differ only in trailing zeros become equal. */
    public static BigDecimal plain(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** {@link #plain} as text, or null for null. */
    public static String plainString(BigDecimal value) {
        return value == null ? null : plain(value).toPlainString();
    }
}
