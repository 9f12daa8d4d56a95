package dk.kk.gevinstspor.domain;

/**
 * A loan at the end of a year: scheduled to date, repaid to date, outstanding (never below 0), and
 * REPAID when repaid ≥ principal, BEHIND when repaid &lt; scheduled, else ON_SCHEDULE.
 */
public record LoanStatus(RepaymentStatus status, Amount principal, Amount scheduledToDate, Amount repaidToDate,
                         Amount outstanding) {

    /** The status of the loan at the end of the year, from the repayments in the actuals. */
    public static LoanStatus at(Loan loan, Actuals actuals, int year) {
        Amount scheduled = loan.scheduledUpTo(year);
        Amount repaid = actuals.repaidUpTo(year);
        Amount outstanding = loan.principal().minus(repaid).max(Amount.ZERO);
        RepaymentStatus status;
        if (repaid.compareTo(loan.principal()) >= 0) {
            status = RepaymentStatus.REPAID;
        } else if (repaid.isLessThan(scheduled)) {
            status = RepaymentStatus.BEHIND;
        } else {
            status = RepaymentStatus.ON_SCHEDULE;
        }
        return new LoanStatus(status, loan.principal(), scheduled, repaid, outstanding);
    }
}
