package dk.kk.gevinstspor.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * A ratio such as realisation or spend ratio (1 = 100 %). Kept unrounded for comparisons with
 * thresholds; {@link #shown()} rounds HALF_UP to three decimals for display.
 */
public record Ratio(BigDecimal value) implements Comparable<Ratio> {

    /** Precision of divisions: 34 significant digits. */
    public static final MathContext PRECISION = MathContext.DECIMAL128;
    /** Decimals shown. */
    public static final int SHOWN_SCALE = 3;

    public Ratio {
        Objects.requireNonNull(value, "ratio");
    }

    public static Ratio of(BigDecimal value) {
        return new Ratio(value);
    }

    public static Ratio of(String value) {
        return new Ratio(new BigDecimal(value));
    }

    /** numerator / denominator, or empty when the denominator is zero. */
    public static Optional<Ratio> between(Amount numerator, Amount denominator) {
        if (denominator.isZero()) {
            return Optional.empty();
        }
        return Optional.of(new Ratio(numerator.value().divide(denominator.value(), PRECISION)));
    }

    /** The value rounded HALF_UP to three decimals. */
    public BigDecimal shown() {
        return value.setScale(SHOWN_SCALE, RoundingMode.HALF_UP);
    }

    public boolean isBelow(BigDecimal threshold) {
        return value.compareTo(threshold) < 0;
    }

    public boolean isAbove(BigDecimal threshold) {
        return value.compareTo(threshold) > 0;
    }

    @Override
    public int compareTo(Ratio other) {
        return value.compareTo(other.value);
    }
}
