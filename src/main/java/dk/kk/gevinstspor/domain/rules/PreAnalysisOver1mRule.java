package dk.kk.gevinstspor.domain.rules;

import dk.kk.gevinstspor.domain.Amount;
import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.domain.ProposalKind;
import java.util.List;

/** Innovation pool: at most 1.000.000 kr. per pre-analysis, administration-specific or cross-cutting. */
public final class PreAnalysisOver1mRule implements Rule {

    public static final Amount LIMIT = Amount.of(1_000_000);

    @Override
    public FindingCode code() {
        return FindingCode.PRE_ANALYSIS_OVER_1M;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        Proposal p = context.proposal();
        if (p.kind() != ProposalKind.PRE_ANALYSIS || !p.plan().totalPoolMoney().isGreaterThan(LIMIT)) {
            return List.of();
        }
        return finding("En foranalyse kan højst få 1.000.000 kr. fra puljen");
    }
}
