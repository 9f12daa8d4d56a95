package dk.kk.gevinstspor.domain.rules;

import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.domain.ProposalKind;
import java.util.List;

/** Criterion 4: an investment proposal (not a base investment) without a permanent gain g(P) &gt; 0 is project-like and not approved. */
public final class NoPermanentEfficiencyRule implements Rule {

    @Override
    public FindingCode code() {
        return FindingCode.NO_PERMANENT_EFFICIENCY;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        Proposal p = context.proposal();
        if (p.kind() != ProposalKind.INVESTMENT || p.baseInvestment()) {
            return List.of();
        }
        if (p.plan().permanent().gain(p.gainBasis()).isPositive()) {
            return List.of();
        }
        return finding("Forslaget har ingen varig effektivisering i det varige år; forslag af projektkarakter godkendes ikke");
    }
}
