package dk.kk.gevinstspor.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Allocation of the innovation pool per adoption year: an innovation proposal or pre-analysis counts with its
 * total pool money in the frame of its round, a pre-analysis also in its pre-analysis frame, and everything in
 * TOTAL. Investment proposals do not count. A cancelled proposal counts with the money it used: its total pool
 * money − its treasury return (DOMAIN.md Edges 7).
 */
public final class InnovationFrames {

    private InnovationFrames() {
    }

    /** The frames a proposal counts in, cancelled or not; empty for investment proposals. */
    public static Set<Frame> framesOf(Proposal proposal) {
        Set<Frame> frames = EnumSet.noneOf(Frame.class);
        if (!proposal.kind().isInnovationPool()) {
            return frames;
        }
        frames.add(proposal.adoptionRound() == AdoptionRound.TRANSFER_CASE ? Frame.TRANSFER_CASE : Frame.BUDGET);
        if (proposal.kind() == ProposalKind.PRE_ANALYSIS) {
            frames.add(proposal.crossCutting() ? Frame.PRE_ANALYSIS_CROSS_CUTTING : Frame.PRE_ANALYSIS_ADMINISTRATION);
        }
        frames.add(Frame.TOTAL);
        return frames;
    }

    /** The pool money a proposal counts with: all of it, or for a cancelled one what was not returned to the treasury. */
    public static Amount countedMoney(Proposal proposal, Actuals actuals) {
        Amount total = proposal.plan().totalPoolMoney();
        return proposal.cancellation() == null
                ? total : total.minus(proposal.cancellation().treasuryReturn(proposal.plan(), actuals));
    }

    /**
     * The frames of the adoption year, with the proposals of that year allocated; {@code actualsOf} gives a
     * proposal's actuals (only a cancelled proposal's are read).
     */
    public static FrameReport allocate(int adoptionYear, FrameLimits limits, List<Proposal> proposals,
                                       Function<Proposal, Actuals> actualsOf) {
        Map<Frame, Amount> allocated = new EnumMap<>(Frame.class);
        for (Frame frame : Frame.values()) {
            allocated.put(frame, Amount.ZERO);
        }
        for (Proposal proposal : proposals) {
            if (proposal.adoptionYear() != adoptionYear) {
                continue;
            }
            Amount money = countedMoney(proposal, actualsOf.apply(proposal));
            for (Frame frame : framesOf(proposal)) {
                allocated.put(frame, allocated.get(frame).plus(money));
            }
        }
        List<FrameAllocation> result = new ArrayList<>();
        for (Frame frame : Frame.values()) {
            result.add(new FrameAllocation(frame, limits.limit(frame), allocated.get(frame)));
        }
        return new FrameReport(adoptionYear, result);
    }
}
