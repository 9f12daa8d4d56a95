package dk.kk.gevinstspor.domain;

import java.util.Optional;

/**
 * Realisation of the gain that counts: the year's own ratio and the cumulative one (empty when the
 * planned sum is 0). {@code notDue} when the analysis unit switched off the follow-up of effects.
 */
public record Realisation(Optional<Ratio> year, Optional<Ratio> cumulative, boolean notDue) {

    public static Realisation notDueAtAll() {
        return new Realisation(Optional.empty(), Optional.empty(), true);
    }

    public static Realisation of(Optional<Ratio> year, Optional<Ratio> cumulative) {
        return new Realisation(year, cumulative, false);
    }
}
