package dk.kk.gevinstspor.domain.rules;

import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.domain.ProposalKind;
import java.util.List;

/** Criterion 6: the investment pool does not pay permanent running costs, so no pool money in the permanent year. */
public final class PoolFundsPermanentOperationRule implements Rule {

    @Override
    public FindingCode code() {
        return FindingCode.POOL_FUNDS_PERMANENT_OPERATION;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        Proposal p = context.proposal();
        if (p.kind() != ProposalKind.INVESTMENT || p.plan().permanent().poolMoney().isZero()) {
            return List.of();
        }
        return finding("Puljen finansierer ikke varig drift: der er midler fra puljen i det varige år "
                + p.plan().permanentYear());
    }
}
