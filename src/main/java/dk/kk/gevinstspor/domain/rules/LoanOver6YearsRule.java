package dk.kk.gevinstspor.domain.rules;

import dk.kk.gevinstspor.domain.Loan;
import java.util.List;

/**
 * Innovation pool, pre-analyses: the loan must be repaid after at most 6 years, so every repayment falls in
 * loanYear .. loanYear + 6 (a repayment before the loan year is refused by the same rule).
 */
public final class LoanOver6YearsRule implements Rule {

    @Override
    public FindingCode code() {
        return FindingCode.LOAN_OVER_6_YEARS;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        Loan loan = context.proposal().loan();
        if (loan == null) {
            return List.of();
        }
        List<Integer> outside = loan.schedule().keySet().stream()
                .filter(y -> y < loan.loanYear() || y > loan.lastAllowedYear()).toList();
        if (outside.isEmpty()) {
            return List.of();
        }
        return finding("Lånet skal være tilbagebetalt inden for " + loan.loanYear() + "-" + loan.lastAllowedYear()
                + "; afdrag uden for perioden: " + outside);
    }
}
