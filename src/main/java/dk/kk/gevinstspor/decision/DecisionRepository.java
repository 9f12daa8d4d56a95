package dk.kk.gevinstspor.decision;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;

/** Stored change decisions and their approvals. */
@ApplicationScoped
public class DecisionRepository implements PanacheRepository<ChangeDecisionEntity> {

    /** The decisions of a proposal, oldest first. */
    public List<ChangeDecisionEntity> ofProposal(long proposalId) {
        return list("from ChangeDecisionEntity d where d.proposal.id = :p order by d.id", Parameters.with("p", proposalId));
    }

    /** Every decision that awaits approval, with its proposal, oldest first. */
    public List<ChangeDecisionEntity> pending() {
        return list("from ChangeDecisionEntity d join fetch d.proposal where d.status = :s order by d.id",
                Parameters.with("s", ChangeDecisionEntity.Status.PENDING));
    }

    /** The ids of a proposal's decisions. */
    public List<Long> idsOf(long proposalId) {
        return getEntityManager().createQuery("select d.id from ChangeDecisionEntity d where d.proposal.id = :p", Long.class)
                .setParameter("p", proposalId).getResultList();
    }

    /** The approvals recorded for these decisions. */
    public List<DecisionApprovalEntity> approvalsOf(Collection<Long> decisionIds) {
        return getEntityManager().createQuery("from DecisionApprovalEntity a where a.id.decisionId in :ids", DecisionApprovalEntity.class)
                .setParameter("ids", decisionIds).getResultList();
    }
}
