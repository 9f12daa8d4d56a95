package dk.kk.gevinstspor.snapshot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import dk.kk.gevinstspor.portfolio.Selection;

/**
 * Marks proposals whose evaluation snapshots are out of date, in the transaction of the write that makes them so
 * (docs/reporting.md). The mark locks its row until that transaction ends, so the job that claims marks waits for the
 * write and then sees it.
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

    /**
     * The one statement that marks every proposal an SQL query returns (its only column: proposal ids), for
     * set-based writers on a plain JDBC connection such as the bulk import.
     */
    public static String markAll(String proposalIds) {
        return MARK.formatted(proposalIds);
    }

    /**
     * Marks a proposal after a change of it, its actuals or its decisions; a proposal of the innovation pool marks the
     * pool's other proposals of its adoption year too (the frames, and so FRAME_EXCEEDED, are shared).
     */
    public void proposal(long id) {
        em.createNativeQuery(markAll("SELECT :id UNION ALL " + FRAME_MATES.formatted(
                "(SELECT p.adoption_year FROM proposal p WHERE p.id = :id AND " + Selection.innovationPool("p") + ")")))
                .setParameter("id", id).executeUpdate();
    }

    /** Marks the innovation pool's proposals of an adoption year, after its frame limits changed. */
    public void frames(int adoptionYear) {
        em.createNativeQuery(markAll(FRAME_MATES.formatted(":year"))).setParameter("year", adoptionYear).executeUpdate();
    }
}
