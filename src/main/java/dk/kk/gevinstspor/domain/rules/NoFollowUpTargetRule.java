package dk.kk.gevinstspor.domain.rules;

import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.domain.ProposalKind;
import dk.kk.gevinstspor.domain.TargetType;
import java.util.List;

/**
 * Investment criterion 5: an investment proposal needs an ECONOMIC target; innovation criterion 7: an innovation
 * proposal or pre-analysis needs a MILESTONE to follow delays in implementation.
 */
public final class NoFollowUpTargetRule implements Rule {

    @Override
    public FindingCode code() {
        return FindingCode.NO_FOLLOW_UP_TARGET;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        Proposal p = context.proposal();
        if (p.kind() == ProposalKind.INVESTMENT) {
            return p.hasTarget(TargetType.ECONOMIC) ? List.of()
                    : finding("Investeringsforslaget mangler et økonomisk opfølgningsmål");
        }
        return p.hasTarget(TargetType.MILESTONE) ? List.of()
                : finding("Forslaget mangler en milepæl, så forsinkelser i implementeringen kan følges");
    }
}
