package dk.kk.gevinstspor.domain.rules;

import dk.kk.gevinstspor.domain.FrameReport;
import dk.kk.gevinstspor.domain.Proposal;
import java.util.Objects;
import java.util.Optional;

/** What the rules look at: the proposal, and the innovation-pool frames of its adoption year when known. */
public record RuleContext(Proposal proposal, Optional<FrameReport> frames) {

    public RuleContext {
        Objects.requireNonNull(proposal, "proposal");
        Objects.requireNonNull(frames, "frames");
    }

    /** A context without frame allocations (FRAME_EXCEEDED then finds nothing). */
    public static RuleContext of(Proposal proposal) {
        return new RuleContext(proposal, Optional.empty());
    }

    public static RuleContext of(Proposal proposal, FrameReport frames) {
        return new RuleContext(proposal, Optional.of(frames));
    }
}
