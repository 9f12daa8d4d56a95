package dk.kk.gevinstspor.domain.rules;

import dk.kk.gevinstspor.domain.AssessmentType;
import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.domain.ProposalKind;
import java.util.List;

/** Criterion 13: an investment proposal with effect on transfers needs the analysis unit's assessment. */
public final class TransfersNeedsAnalysisRule implements Rule {

    @Override
    public FindingCode code() {
        return FindingCode.TRANSFERS_NEEDS_ANALYSIS;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        Proposal p = context.proposal();
        if (p.kind() != ProposalKind.INVESTMENT || !p.transfersEffect() || p.hasAssessment(AssessmentType.ANALYSIS_UNIT)) {
            return List.of();
        }
        return finding("Forslag med effekt på overførsler skal vurderes af den tværgående analyseenhed");
    }
}
