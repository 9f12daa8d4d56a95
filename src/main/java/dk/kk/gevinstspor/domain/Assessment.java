package dk.kk.gevinstspor.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A recorded assessment (høring/vurdering). {@code followUpOnEffects} matters only for
 * {@link AssessmentType#ANALYSIS_UNIT}: false means only implementation and costs are followed up.
 */
public record Assessment(AssessmentType type, LocalDate date, String reference, boolean followUpOnEffects) {

    public Assessment {
        Objects.requireNonNull(type, "type");
    }

    /** An assessment that does not switch off the follow-up of effects. */
    public static Assessment of(AssessmentType type, LocalDate date, String reference) {
        return new Assessment(type, date, reference, true);
    }
}
