package dk.kk.gevinstspor.domain.rules;

import dk.kk.gevinstspor.domain.Loan;
import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.domain.ProposalKind;
import java.util.List;

/**
 * Innovation pool: administration-specific pre-analyses are loans equal to their pool money; cross-cutting
 * ones are grants (no loan); other kinds have no loan.
 */
public final class PreAnalysisFinancingRule implements Rule {

    @Override
    public FindingCode code() {
        return FindingCode.PRE_ANALYSIS_FINANCING;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        Proposal p = context.proposal();
        Loan loan = p.loan();
        if (p.kind() != ProposalKind.PRE_ANALYSIS) {
            return loan == null ? List.of() : finding("Kun forvaltningsspecifikke foranalyser kan have et lån");
        }
        if (p.crossCutting()) {
            return loan == null ? List.of() : finding("En tværgående foranalyse gives ikke som lån");
        }
        if (loan == null || loan.principal().compareTo(p.plan().totalPoolMoney()) != 0) {
            return finding("En forvaltningsspecifik foranalyse gives som lån svarende til midlerne fra puljen ("
                    + p.plan().totalPoolMoney() + " kr.)");
        }
        return List.of();
    }
}
