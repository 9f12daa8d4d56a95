package dk.kk.gevinstspor.snapshot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dk.kk.gevinstspor.common.events.ProposalChanged;

import dk.kk.gevinstspor.portfolio.Selection;

/**
 * Marks proposals whose evaluation snapshots are out of date, in the transaction of the write that makes them so
 * (docs/reporting.md): it observes {@link ProposalChanged}, which the writing features fire after their write. The
 * observer runs synchronously in the writer's transaction (it refuses to run without one), so a mark commits or rolls
 * back with the change. The mark locks its row until that transaction ends, so the job that claims marks waits for
 * the write and then sees it.
 */
@ApplicationScoped
public class SnapshotMarks {

    private static final String MARK = "INSERT INTO evaluation_snapshot_dirty (proposal_id) SELECT DISTINCT id FROM (%s) ids(id)"
            + " ON CONFLICT (proposal_id) DO UPDATE SET marked_at = now()";

    /** The proposals in the innovation pool's frames of an adoption year: their findings depend on each other. */
    private static final String FRAME_MATES = "SELECT q.id FROM proposal q WHERE " + Selection.innovationPool("q")
            + " AND q.adoption_year = %s";

    private final EntityManager em;

    public SnapshotMarks(EntityManager em) {
        this.em = em;
    }

    /** Marks what a change makes out of date, in the change's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void changed(@Observes(during = TransactionPhase.IN_PROGRESS) ProposalChanged change) {
        if (change instanceof ProposalChanged.One one) {
            proposal(one.proposalId());
        } else if (change instanceof ProposalChanged.Frames frames) {
            frames(frames.adoptionYear());
        } else if (change instanceof ProposalChanged.Selected selected) {
            em.createNativeQuery(markAll(selected.proposalIds())).executeUpdate();
        } else {
            throw new IllegalArgumentException("Unknown change: " + change);
        }
    }

    /** The one statement that marks every proposal an SQL query returns (its only column: proposal ids). */
    private static String markAll(String proposalIds) {
        return MARK.formatted(proposalIds);
    }

    /**
     * Marks a proposal after a change of it, its actuals or its decisions; a proposal of the innovation pool marks the
     * pool's other proposals of its adoption year too (the frames, and so FRAME_EXCEEDED, are shared).
     */
    private void proposal(long id) {
        em.createNativeQuery(markAll("SELECT :id UNION ALL " + FRAME_MATES.formatted(
                "(SELECT p.adoption_year FROM proposal p WHERE p.id = :id AND " + Selection.innovationPool("p") + ")")))
                .setParameter("id", id).executeUpdate();
    }

    /** Marks the innovation pool's proposals of an adoption year, after its frame limits changed. */
    private void frames(int adoptionYear) {
        em.createNativeQuery(markAll(FRAME_MATES.formatted(":year"))).setParameter("year", adoptionYear).executeUpdate();
    }
}
