package dk.kk.gevinstspor.domain;

/** A target's result for an accounts year; {@code overdueYears} is Y − due for a milestone not met, else 0. */
public record TargetResult(String code, TargetType type, TargetStatus status, int overdueYears) {

    public static TargetResult of(FollowUpTarget target, TargetStatus status) {
        return new TargetResult(target.code(), target.type(), status, 0);
    }
}
