package dk.kk.gevinstspor.domain;

/** One frame's limit and the pool money allocated in it; exceeded when allocated &gt; limit. */
public record FrameAllocation(Frame frame, Amount limit, Amount allocated) {

    public boolean exceeded() {
        return allocated.isGreaterThan(limit);
    }
}
