package dk.kk.gevinstspor.domain;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Realisation of the gain that counts: the year's own ratio and the cumulative one (empty when the
 * planned sum is 0). {@code notDue} when the analysis unit switched off the follow-up of effects.
 */
public record Realisation(Optional<Ratio> year, Optional<Ratio> cumulative, boolean notDue) {

    /**
     * Realisation of an actual against a planned sum (DOMAIN.md Edges 2): {@code 1 + (A − P) / |P|}, which is
     * {@code A / P} when P &gt; 0 and measures the deviation when the plan is a net cost (P &lt; 0: spending more
     * than planned lowers it); empty when P = 0.
     */
    public static Optional<Ratio> ratio(Amount actual, Amount planned) {
        if (planned.isZero()) {
            return Optional.empty();
        }
        BigDecimal deviation = actual.value().subtract(planned.value()).divide(planned.value().abs(), Ratio.PRECISION);
        return Optional.of(new Ratio(BigDecimal.ONE.add(deviation, Ratio.PRECISION)));
    }

    public static Realisation notDueAtAll() {
        return new Realisation(Optional.empty(), Optional.empty(), true);
    }

    public static Realisation of(Optional<Ratio> year, Optional<Ratio> cumulative) {
        return new Realisation(year, cumulative, false);
    }
}
