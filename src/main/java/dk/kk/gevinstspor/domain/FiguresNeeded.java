package dk.kk.gevinstspor.domain;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * Which proposals need actual figures for an accounts year: those still followed up in it (started by its current
 * plan, not fully implemented before it, not cancelled before it; {@link ReportMembership#isFollowedUp}) led by one
 * of the given administrations (the lead administration reports the figures; the others taking part read them). The
 * entry list and the import template both ask this, so that a user sees the same proposals in both.
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

    /**
     * True when one of the administrations (or, when empty, any administration) leads the proposal: the lead
     * administration reports its figures; the others taking part read them.
     */
    public static boolean concerns(Proposal proposal, Optional<Set<String>> administrations) {
        return administrations.map(own -> own.contains(proposal.leadAdministration())).orElse(true);
    }
}
