package dk.kk.gevinstspor.domain;

import java.util.List;

/** The innovation pool's frames of one adoption year, in the order of {@link Frame}. */
public record FrameReport(int adoptionYear, List<FrameAllocation> frames) {

    public FrameReport {
        frames = List.copyOf(frames);
    }

    public FrameAllocation frame(Frame frame) {
        return frames.stream().filter(f -> f.frame() == frame).findFirst().orElseThrow();
    }
}
