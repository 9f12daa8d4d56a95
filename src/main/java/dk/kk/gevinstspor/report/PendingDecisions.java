package dk.kk.gevinstspor.report;

import jakarta.enterprise.context.ApplicationScoped;

/** How many change decisions await approval, per proposal (shown in every report row). */
@ApplicationScoped
public class PendingDecisions {

    public int countByProposal(long proposalId) {
        return 0;
    }
}
