package dk.kk.gevinstspor.domain.rules;

import dk.kk.gevinstspor.domain.Proposal;
import java.util.List;

/** Criterion 9: a base investment must name the future proposals that depend on it. */
public final class BaseInvestmentNoDependentsRule implements Rule {

    @Override
    public FindingCode code() {
        return FindingCode.BASE_INVESTMENT_NO_DEPENDENTS;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        Proposal p = context.proposal();
        if (!p.baseInvestment() || p.dependentProposals().stream().anyMatch(s -> !s.isBlank())) {
            return List.of();
        }
        return finding("Det skal fremgå, hvilke fremtidige forslag der har grundinvesteringen som forudsætning");
    }
}
