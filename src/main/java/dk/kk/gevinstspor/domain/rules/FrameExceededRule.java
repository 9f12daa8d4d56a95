package dk.kk.gevinstspor.domain.rules;

import dk.kk.gevinstspor.domain.FrameAllocation;
import dk.kk.gevinstspor.domain.FrameReport;
import dk.kk.gevinstspor.domain.InnovationFrames;
import dk.kk.gevinstspor.domain.Proposal;
import java.util.List;

/**
 * Innovation pool frames: a non-cancelled innovation proposal or pre-analysis that counts in a frame of its
 * adoption year whose allocation is above its limit. One finding per exceeded frame; none without frames.
 */
public final class FrameExceededRule implements Rule {

    @Override
    public FindingCode code() {
        return FindingCode.FRAME_EXCEEDED;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        Proposal p = context.proposal();
        if (p.cancellation() != null || context.frames().isEmpty()
                || context.frames().get().adoptionYear() != p.adoptionYear()) {
            return List.of();
        }
        FrameReport report = context.frames().get();
        return InnovationFrames.framesOf(p).stream()
                .map(report::frame)
                .filter(FrameAllocation::exceeded)
                .map(f -> Finding.of(code(), "Innovationspuljens ramme " + f.frame() + " for " + report.adoptionYear()
                        + " er overskredet: " + f.allocated() + " kr. af " + f.limit() + " kr."))
                .toList();
    }
}
