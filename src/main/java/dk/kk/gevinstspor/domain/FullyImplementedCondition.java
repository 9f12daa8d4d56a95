package dk.kk.gevinstspor.domain;

/** The five conditions of "fully implemented" (seed section 5), named as the API reports them. */
public enum FullyImplementedCondition {
    PERMANENT_YEAR_REACHED,
    PERMANENT_GAIN_REACHED,
    NO_POOL_MONEY,
    MILESTONES_ACHIEVED,
    NOT_CANCELLED
}
