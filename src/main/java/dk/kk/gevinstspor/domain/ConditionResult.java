package dk.kk.gevinstspor.domain;

/** Whether one condition of "fully implemented" holds in the evaluated year. */
public record ConditionResult(FullyImplementedCondition condition, boolean holds) {
}
