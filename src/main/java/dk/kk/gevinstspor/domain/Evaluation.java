package dk.kk.gevinstspor.domain;

import java.util.List;
import java.util.Optional;

/**
 * The evaluation of a proposal for accounts year {@code year}. Figures, realisation, spend ratio, targets
 * and status are those of {@code followUpYear}: the year itself, or the earlier year in which follow-up
 * ended (cancellation's effective year, or the year it became fully implemented). Loan status is at the
 * end of {@code year}.
 */
public record Evaluation(int year, int followUpYear, PaybackFigures payback, FollowUpFigures figures,
                         Realisation realisation, Optional<Ratio> spendRatio, List<TargetResult> targets,
                         FollowUpStatus status, FullyImplemented fullyImplemented, Optional<LoanStatus> loan,
                         boolean cancelled) {

    public Evaluation {
        targets = List.copyOf(targets);
    }

    /** True when follow-up ended before the evaluated year. */
    public boolean followUpEnded() {
        return followUpYear < year;
    }
}
