package dk.kk.gevinstspor.domain;

/**
 * The conditions of "fully implemented" (seed section 5), named as the API reports them; {@code LOAN_REPAID} only
 * for a proposal with a loan (DOMAIN.md Edges 5).
 */
public enum FullyImplementedCondition {
    PERMANENT_YEAR_REACHED,
    PERMANENT_GAIN_REACHED,
    NO_POOL_MONEY,
    MILESTONES_ACHIEVED,
    NOT_CANCELLED,
    LOAN_REPAID
}
