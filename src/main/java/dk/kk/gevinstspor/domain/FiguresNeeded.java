package dk.kk.gevinstspor.domain;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;

/**
 * Which proposals need actual figures for an accounts year: those still followed up in it (started by its current
 * plan, not fully implemented before it, not cancelled before it; {@link ReportMembership#isFollowedUp}) in which one
 * of the given administrations takes part. The entry list and the import template both ask this, so that a user sees
 * the same proposals in both.
 */
public final class FiguresNeeded {

    private FiguresNeeded() {
    }

    /**
     * True when the proposal needs figures for the year from one of the administrations.
     *
     * @param administrations the administrations asking, or empty for every administration (an admin's view)
     */
    public static boolean inYear(Proposal proposal, Actuals actuals, int year, BigDecimal tolerance,
                                 Optional<Set<String>> administrations) {
        return concerns(proposal, administrations) && ReportMembership.isFollowedUp(proposal,
                FullyImplemented.of(proposal, actuals, year, tolerance).year(), year);
    }

    /** True when one of the administrations (or, when empty, any administration) takes part in the proposal. */
    public static boolean concerns(Proposal proposal, Optional<Set<String>> administrations) {
        return administrations.map(own -> !Collections.disjoint(proposal.administrations(), own)).orElse(true);
    }
}
