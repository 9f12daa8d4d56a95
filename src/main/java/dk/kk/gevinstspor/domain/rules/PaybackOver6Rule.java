package dk.kk.gevinstspor.domain.rules;

import dk.kk.gevinstspor.domain.Payback;
import dk.kk.gevinstspor.domain.PaybackCalculator;
import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.domain.ProposalKind;
import java.math.BigDecimal;
import java.util.List;

/**
 * Criteria 1 and 12: an investment proposal that is not a base investment must pay back within six years,
 * on the total economy with effect on transfers, else on service; "never" fails. Else ØU prioritises it separately.
 */
public final class PaybackOver6Rule implements Rule {

    public static final BigDecimal LIMIT_YEARS = BigDecimal.valueOf(6);

    @Override
    public FindingCode code() {
        return FindingCode.PAYBACK_OVER_6;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        Proposal p = context.proposal();
        if (p.kind() != ProposalKind.INVESTMENT || p.baseInvestment()) {
            return List.of();
        }
        Payback payback = PaybackCalculator.payback(p.plan(), p.gainBasis());
        if (!payback.exceeds(LIMIT_YEARS)) {
            return List.of();
        }
        String shown = payback.shown().map(v -> v.toPlainString().replace('.', ',') + " år").orElse("aldrig");
        return finding("Tilbagebetalingstiden er over 6 år (" + shown + "); forslaget skal forelægges Økonomiudvalget"
                + " til særskilt politisk prioritering");
    }
}
