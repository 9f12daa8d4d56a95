package dk.kk.gevinstspor.report;

import java.util.Collection;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/** How many change decisions await approval, per proposal (shown in every report row). */
@ApplicationScoped
public class PendingDecisions {

    public Map<Long, Long> countByProposal(Collection<Long> proposalIds) {
        return Map.of();
    }
}
