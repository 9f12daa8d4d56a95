package dk.kk.gevinstspor.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Thresholds of the evaluation, editable; {@link #defaults()} are DOMAIN.md's: RED below 0,80 realisation
 * or above 1,20 spend ratio or a milestone 2 years overdue, AMBER below 0,95 or above 1,05, tolerance 0,05
 * (explanations, KPIs and fully implemented).
 */
public record EvaluationSettings(BigDecimal redRealisationBelow, BigDecimal amberRealisationBelow,
                                 BigDecimal redSpendRatioAbove, BigDecimal amberSpendRatioAbove,
                                 int redMilestoneOverdueYears, BigDecimal tolerance) {

    public EvaluationSettings {
        Objects.requireNonNull(redRealisationBelow, "redRealisationBelow");
        Objects.requireNonNull(amberRealisationBelow, "amberRealisationBelow");
        Objects.requireNonNull(redSpendRatioAbove, "redSpendRatioAbove");
        Objects.requireNonNull(amberSpendRatioAbove, "amberSpendRatioAbove");
        Objects.requireNonNull(tolerance, "tolerance");
        if (redRealisationBelow.compareTo(amberRealisationBelow) > 0
                || amberSpendRatioAbove.compareTo(redSpendRatioAbove) > 0) {
            throw new IllegalArgumentException("Grænsen for rød skal være strengere end grænsen for gul");
        }
        if (tolerance.signum() < 0 || tolerance.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("Tolerancen skal være mellem 0 og 1");
        }
        if (redMilestoneOverdueYears < 1) {
            throw new IllegalArgumentException("En milepæl kan tidligst være rød ét år efter fristen");
        }
    }

    /** The defaults: 0,80 / 0,95 / 1,20 / 1,05, 2 years, tolerance 0,05. */
    public static EvaluationSettings defaults() {
        return new EvaluationSettings(new BigDecimal("0.80"), new BigDecimal("0.95"), new BigDecimal("1.20"),
                new BigDecimal("1.05"), 2, new BigDecimal("0.05"));
    }
}
