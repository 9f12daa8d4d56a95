package dk.kk.gevinstspor.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Objects;

/**
 * An amount in Danish kroner with exactly two decimals (øre). More than two decimals is refused,
 * never rounded; arithmetic that needs rounding (multiplication by a ratio) rounds HALF_UP to øre.
 */
public record Amount(BigDecimal value) implements Comparable<Amount> {

    /** Scale of every amount: øre. */
    public static final int SCALE = 2;
    /** Zero kroner. */
    public static final Amount ZERO = new Amount(BigDecimal.ZERO);

    public Amount {
        Objects.requireNonNull(value, "amount");
        // the sums and differences of amounts have the scale already: they skip the strip and the copy (the evaluation
        // makes thousands of amounts per request; JFR showed stripTrailingZeros among its top frames)
        if (value.scale() != SCALE) {
            if (value.scale() > SCALE && value.stripTrailingZeros().scale() > SCALE) {
                throw new IllegalArgumentException("Beløb må højst have to decimaler: " + value.toPlainString());
            }
            value = value.setScale(SCALE, RoundingMode.UNNECESSARY);
        }
    }

    /** Parses a plain decimal with a decimal point, e.g. {@code "1234.5"}. */
    public static Amount of(String value) {
        Objects.requireNonNull(value, "amount");
        try {
            return new Amount(new BigDecimal(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Ikke et beløb: " + value, e);
        }
    }

    public static Amount of(BigDecimal value) {
        return new Amount(value);
    }

    /** Whole kroner. */
    public static Amount of(long kroner) {
        return new Amount(BigDecimal.valueOf(kroner));
    }

    /** Null-safe sum of amounts. */
    public static Amount sum(Collection<Amount> amounts) {
        Amount total = ZERO;
        for (Amount a : amounts) {
            total = total.plus(a);
        }
        return total;
    }

    public Amount plus(Amount other) {
        return new Amount(value.add(other.value));
    }

    public Amount minus(Amount other) {
        return new Amount(value.subtract(other.value));
    }

    public Amount negate() {
        return new Amount(value.negate());
    }

    /** Multiplies by a factor and rounds HALF_UP to øre. */
    public Amount times(BigDecimal factor) {
        return new Amount(value.multiply(factor).setScale(SCALE, RoundingMode.HALF_UP));
    }

    /** Multiplies by a ratio (e.g. a price factor or a share) and rounds HALF_UP to øre. */
    public Amount times(Ratio ratio) {
        return times(ratio.value());
    }

    /** Absolute value. */
    public Amount abs() {
        return new Amount(value.abs());
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    public boolean isPositive() {
        return value.signum() > 0;
    }

    public boolean isNegative() {
        return value.signum() < 0;
    }

    public boolean isGreaterThan(Amount other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Amount other) {
        return compareTo(other) < 0;
    }

    /** The larger of this and the other amount. */
    public Amount max(Amount other) {
        return compareTo(other) >= 0 ? this : other;
    }

    @Override
    public int compareTo(Amount other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
