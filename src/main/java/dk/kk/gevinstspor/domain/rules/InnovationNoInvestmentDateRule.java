package dk.kk.gevinstspor.domain.rules;

import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.domain.ProposalKind;
import java.util.List;

/** Innovation criterion 4: an innovation proposal or cross-cutting pre-analysis states when its investment proposal is expected. */
public final class InnovationNoInvestmentDateRule implements Rule {

    @Override
    public FindingCode code() {
        return FindingCode.INNOVATION_NO_INVESTMENT_DATE;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        Proposal p = context.proposal();
        boolean applies = p.kind() == ProposalKind.INNOVATION
                || (p.kind() == ProposalKind.PRE_ANALYSIS && p.crossCutting());
        if (!applies || p.expectedInvestmentProposalYear() != null) {
            return List.of();
        }
        return finding("Det skal fremgå, hvornår der forventes et investeringsforslag på baggrund af forslaget");
    }
}
