package dk.kk.gevinstspor.domain.rules;

import java.util.List;

/** All rules, one per finding code, in one list. */
public final class Rules {

    public static final List<Rule> ALL = List.of(
            new PaybackOver6Rule(),
            new NoPermanentEfficiencyRule(),
            new NoFollowUpTargetRule(),
            new PoolFundsPermanentOperationRule(),
            new BaseInvestmentOperationOver3Rule(),
            new BaseInvestmentNoDependentsRule(),
            new TransfersNeedsAnalysisRule(),
            new InnovationOver2mRule(),
            new PreAnalysisOver1mRule(),
            new PreAnalysisFinancingRule(),
            new InnovationNoInvestmentDateRule(),
            new LoanScheduleSumRule(),
            new LoanOver6YearsRule(),
            new AssessmentMissingRule(),
            new FrameExceededRule());

    private Rules() {
    }

    /** The findings of every rule, in the order of {@link #ALL}. */
    public static List<Finding> check(RuleContext context) {
        return ALL.stream().flatMap(rule -> rule.check(context).stream()).toList();
    }
}
