package dk.kk.gevinstspor.domain;

/**
 * Whether one condition of "fully implemented" holds in a year. A condition that is not {@code judged} holds
 * without being looked at (DOMAIN.md Edges 4: the permanent gain when effects are not followed up); pages show
 * it as "ikke relevant".
 */
public record ConditionResult(FullyImplementedCondition condition, boolean holds, boolean judged) {

    public static ConditionResult of(FullyImplementedCondition condition, boolean holds) {
        return new ConditionResult(condition, holds, true);
    }

    public static ConditionResult notJudged(FullyImplementedCondition condition) {
        return new ConditionResult(condition, true, false);
    }
}
