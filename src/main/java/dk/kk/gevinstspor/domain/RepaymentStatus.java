package dk.kk.gevinstspor.domain;

/** Status of a loan's repayment at the end of a year. */
public enum RepaymentStatus {
    ON_SCHEDULE,
    BEHIND,
    REPAID
}
