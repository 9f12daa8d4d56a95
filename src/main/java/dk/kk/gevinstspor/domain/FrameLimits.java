package dk.kk.gevinstspor.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * Editable limits of the innovation pool's frames; the defaults come from the seed: 15 mio. in all,
 * 10 at the transfer case, 5 at the budget, pre-analyses 3 administration-specific and 1 cross-cutting.
 */
public record FrameLimits(Map<Frame, Amount> limits) {

    public FrameLimits {
        for (Frame frame : Frame.values()) {
            Amount limit = limits.get(frame);
            if (limit == null || limit.isNegative()) {
                throw new IllegalArgumentException("Rammen " + frame + " skal have en grænse ≥ 0");
            }
        }
        limits = java.util.Collections.unmodifiableMap(new EnumMap<>(limits));
    }

    public static FrameLimits defaults() {
        Map<Frame, Amount> m = new EnumMap<>(Frame.class);
        m.put(Frame.TRANSFER_CASE, Amount.of(10_000_000));
        m.put(Frame.BUDGET, Amount.of(5_000_000));
        m.put(Frame.PRE_ANALYSIS_ADMINISTRATION, Amount.of(3_000_000));
        m.put(Frame.PRE_ANALYSIS_CROSS_CUTTING, Amount.of(1_000_000));
        m.put(Frame.TOTAL, Amount.of(15_000_000));
        return new FrameLimits(m);
    }

    public Amount limit(Frame frame) {
        return limits.get(frame);
    }

    /** These limits with one frame's limit changed. */
    public FrameLimits with(Frame frame, Amount limit) {
        Map<Frame, Amount> m = new EnumMap<>(limits);
        m.put(frame, limit);
        return new FrameLimits(m);
    }
}
