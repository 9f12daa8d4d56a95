package dk.kk.gevinstspor.domain.rules;

import dk.kk.gevinstspor.domain.Loan;
import java.util.List;

/** Innovation pool, pre-analyses: the repayment schedule must sum to the principal. */
public final class LoanScheduleSumRule implements Rule {

    @Override
    public FindingCode code() {
        return FindingCode.LOAN_SCHEDULE_SUM;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        Loan loan = context.proposal().loan();
        if (loan == null || loan.scheduledTotal().compareTo(loan.principal()) == 0) {
            return List.of();
        }
        return finding("Afdragene summer til " + loan.scheduledTotal() + " kr., men lånet er på " + loan.principal() + " kr.");
    }
}
