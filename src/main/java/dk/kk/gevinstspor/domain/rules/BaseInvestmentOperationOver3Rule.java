package dk.kk.gevinstspor.domain.rules;

import dk.kk.gevinstspor.domain.PlanYear;
import dk.kk.gevinstspor.domain.Proposal;
import java.util.List;

/** Criterion 9: a base investment may have its operation funded by the pool for at most three years. */
public final class BaseInvestmentOperationOver3Rule implements Rule {

    public static final int MAX_YEARS = 3;

    @Override
    public FindingCode code() {
        return FindingCode.BASE_INVESTMENT_OPERATION_OVER_3;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        Proposal p = context.proposal();
        if (!p.baseInvestment()) {
            return List.of();
        }
        long years = p.plan().years().stream().map(PlanYear::operationFunding).filter(a -> a.isPositive()).count();
        if (years <= MAX_YEARS) {
            return List.of();
        }
        return finding("En grundinvestering kan højst få drift finansieret af puljen i 3 år, planen har " + years);
    }
}
