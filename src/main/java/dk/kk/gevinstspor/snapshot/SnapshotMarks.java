package dk.kk.gevinstspor.snapshot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dk.kk.gevinstspor.common.events.ProposalChanged;

/**
 * Marks proposals whose evaluation snapshots are out of date, in the transaction of the write that makes them so
 * (docs/reporting.md): it observes {@link ProposalChanged}, which the writing features fire after their write. The
 * observer runs synchronously in the writer's transaction (it refuses to run without one), so a mark commits or rolls
 * back with the change. The mark locks its row until that transaction ends, so the job that claims marks waits for
 * the write and then sees it.
 */
@ApplicationScoped
public class SnapshotMarks {

    @Inject
    SnapshotRepository snapshots;

    /** Marks what a change makes out of date, in the change's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void changed(@Observes(during = TransactionPhase.IN_PROGRESS) ProposalChanged change) {
        if (change instanceof ProposalChanged.One one) {
            snapshots.markWithFrameMates(one.proposalId());
        } else if (change instanceof ProposalChanged.Frames frames) {
            snapshots.markFrames(frames.adoptionYear());
        } else if (change instanceof ProposalChanged.Selected selected) {
            snapshots.markAll(selected.proposalIds());
        } else {
            throw new IllegalArgumentException("Unknown change: " + change);
        }
    }
}
