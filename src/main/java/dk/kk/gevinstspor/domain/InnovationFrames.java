package dk.kk.gevinstspor.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Allocation of the innovation pool per adoption year: an innovation proposal or pre-analysis counts with its
 * total pool money in the frame of its round, a pre-analysis also in its pre-analysis frame, and everything in
 * TOTAL. Investment proposals and cancelled proposals do not count.
 */
public final class InnovationFrames {

    private InnovationFrames() {
    }

    /** The frames a proposal counts in; empty for investment proposals and cancelled proposals. */
    public static Set<Frame> framesOf(Proposal proposal) {
        Set<Frame> frames = EnumSet.noneOf(Frame.class);
        if (!proposal.kind().isInnovationPool() || proposal.cancellation() != null) {
            return frames;
        }
        frames.add(proposal.adoptionRound() == AdoptionRound.TRANSFER_CASE ? Frame.TRANSFER_CASE : Frame.BUDGET);
        if (proposal.kind() == ProposalKind.PRE_ANALYSIS) {
            frames.add(proposal.crossCutting() ? Frame.PRE_ANALYSIS_CROSS_CUTTING : Frame.PRE_ANALYSIS_ADMINISTRATION);
        }
        frames.add(Frame.TOTAL);
        return frames;
    }

    /** The frames of the adoption year, with the proposals of that year allocated. */
    public static FrameReport allocate(int adoptionYear, FrameLimits limits, List<Proposal> proposals) {
        Map<Frame, Amount> allocated = new EnumMap<>(Frame.class);
        for (Frame frame : Frame.values()) {
            allocated.put(frame, Amount.ZERO);
        }
        for (Proposal proposal : proposals) {
            if (proposal.adoptionYear() != adoptionYear) {
                continue;
            }
            Amount money = proposal.plan().totalPoolMoney();
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
