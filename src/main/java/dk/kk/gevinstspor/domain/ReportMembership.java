package dk.kk.gevinstspor.domain;

import java.util.Optional;

/**
 * Which proposals belong in a follow-up report for meeting year R (accounts year A = R − 1): first plan
 * year ≤ A, not fully implemented before A, not cancelled before A (cancelled with effect in A appears once,
 * marked); and the report's own audience (seed section 5).
 */
public final class ReportMembership {

    private ReportMembership() {
    }

    /**
     * True when the proposal belongs in the report.
     *
     * @param fullyImplementedYear the first fully implemented year ≤ A, as evaluated for A
     */
    public static boolean belongs(ReportScope scope, Proposal proposal, Optional<Integer> fullyImplementedYear) {
        return isFollowedUp(proposal, fullyImplementedYear, scope.accountsYear()) && inAudience(scope, proposal);
    }

    /** Still followed up in accounts year A: started, not fully implemented before A, not cancelled before A. */
    public static boolean isFollowedUp(Proposal proposal, Optional<Integer> fullyImplementedYear, int accountsYear) {
        boolean started = proposal.plan().firstYear() <= accountsYear;
        boolean fullyImplementedBefore = fullyImplementedYear.filter(y -> y < accountsYear).isPresent();
        boolean cancelledBefore = proposal.cancelledBy(accountsYear - 1);
        return started && !fullyImplementedBefore && !cancelledBefore;
    }

    /** True when the proposal is the kind of proposal the report is for, whatever its years. */
    public static boolean inAudience(ReportScope scope, Proposal proposal) {
        ProposalKind kind = proposal.kind();
        return switch (scope.kind()) {
            case MAJBIDRAG -> !proposal.crossCutting()
                    && scope.committee().equals(scope.committeeOf().get(proposal.leadAdministration()));
            case FINANCE_COMMITTEE -> proposal.crossCutting() && kind == ProposalKind.INVESTMENT;
            case IT_KREDS -> proposal.digital() && kind.isInnovationPool();
            case INNOVATION -> kind.isInnovationPool()
                    && scope.digital().map(d -> d == proposal.digital()).orElse(true);
        };
    }
}
