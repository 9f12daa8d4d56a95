package dk.kk.gevinstspor.domain.rules;

import dk.kk.gevinstspor.domain.Amount;
import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.domain.ProposalKind;
import java.util.List;

/** Innovation criterion 3: at most 2.000.000 kr. from the pool per innovation proposal. */
public final class InnovationOver2mRule implements Rule {

    public static final Amount LIMIT = Amount.of(2_000_000);

    @Override
    public FindingCode code() {
        return FindingCode.INNOVATION_OVER_2M;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        Proposal p = context.proposal();
        if (p.kind() != ProposalKind.INNOVATION || !p.plan().totalPoolMoney().isGreaterThan(LIMIT)) {
            return List.of();
        }
        return finding("Et innovationsforslag kan højst få 2.000.000 kr. fra puljen");
    }
}
