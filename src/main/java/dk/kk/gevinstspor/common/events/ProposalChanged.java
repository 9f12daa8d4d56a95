package dk.kk.gevinstspor.common.events;

/**
 * Something a proposal's evaluation depends on has changed: the proposal, its actuals, a decision that took effect, or
 * the frame limits of its adoption year. The feature that writes the change fires it as a CDI event
 * ({@code Event<ProposalChanged>}) in the transaction of the write, after the write; observers run synchronously in that
 * transaction, so what they do commits or rolls back with the change. The writer need not know who listens: today the
 * {@code snapshot} package marks the proposals whose evaluation snapshots are out of date (docs/reporting.md).
 */
public sealed interface ProposalChanged {

    /** A proposal, its actuals or its decisions changed (by its id). */
    static ProposalChanged proposal(long id) {
        return new One(id);
    }

    /** The innovation pool's frame limits of an adoption year changed. */
    static ProposalChanged frames(int adoptionYear) {
        return new Frames(adoptionYear);
    }

    /**
     * The proposals an SQL query returns changed (its only column: proposal ids), for set-based writers such as the bulk
     * import; the query runs in the writer's transaction, so it sees the writer's own tables (e.g. a temporary one).
     */
    static ProposalChanged selectedBy(String proposalIds) {
        return new Selected(proposalIds);
    }

    /** A proposal, its actuals or its decisions changed. */
    record One(long proposalId) implements ProposalChanged {
    }

    /** The innovation pool's frame limits of an adoption year changed. */
    record Frames(int adoptionYear) implements ProposalChanged {
    }

    /** The proposals {@code proposalIds} (SQL, one column of proposal ids) returns changed. */
    record Selected(String proposalIds) implements ProposalChanged {
    }
}
