package dk.kk.gevinstspor.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/** A payback period (tilbagebetalingstid) in years, or explicitly "never". */
public sealed interface Payback {

    /** Paid back after the given (unrounded) number of years. */
    record Years(BigDecimal years) implements Payback {
        public Years {
            Objects.requireNonNull(years, "years");
            if (years.signum() < 0) {
                throw new IllegalArgumentException("Tilbagebetalingstid kan ikke være negativ");
            }
        }
    }

    /** Never paid back. */
    record Never() implements Payback {
    }

    static Payback years(BigDecimal years) {
        return new Years(years);
    }

    static Payback never() {
        return new Never();
    }

    /** The unrounded years, empty for never. */
    default Optional<BigDecimal> value() {
        return this instanceof Years y ? Optional.of(y.years()) : Optional.empty();
    }

    /** The years shown: HALF_UP to one decimal; empty for never. */
    default Optional<BigDecimal> shown() {
        return value().map(v -> v.setScale(1, RoundingMode.HALF_UP));
    }

    default boolean isNever() {
        return this instanceof Never;
    }

    /** True when never paid back or paid back later than the limit (unrounded comparison). */
    default boolean exceeds(BigDecimal limitYears) {
        return value().map(v -> v.compareTo(limitYears) > 0).orElse(true);
    }
}
