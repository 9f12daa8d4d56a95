package dk.kk.gevinstspor.domain;

import java.util.List;
import java.util.Optional;

/**
 * One proposal's row in a follow-up report for an accounts year (API.md "Reports"); amounts in the proposal's
 * price level until {@link #converted(PriceIndex, int)}.
 */
public record ReportRow(String reference, String title, String administration, ProposalKind kind,
                        int priceLevelYear, FollowUpStatus status, boolean fullyImplemented, boolean cancelled,
                        Optional<Amount> treasuryReturn, FollowUpFigures figures, Optional<Ratio> realisation,
                        Optional<Ratio> spendRatio, List<TargetResult> targets, Optional<LoanStatus> loan,
                        int pendingDecisions, String explanation) {

    public ReportRow {
        targets = List.copyOf(targets);
    }

    /**
     * The row of a proposal for accounts year A. Fully implemented and cancelled mark the year follow-up ends;
     * a proposal cancelled with effect in A carries its treasury return.
     */
    public static ReportRow of(Proposal proposal, Actuals actuals, int accountsYear, Evaluator evaluator,
                               int pendingDecisions) {
        Evaluation evaluation = evaluator.evaluate(proposal, actuals, accountsYear);
        boolean cancelledNow = proposal.cancelledBy(accountsYear);
        Optional<Amount> treasuryReturn = cancelledNow
                ? Optional.of(proposal.cancellation().treasuryReturn(proposal.plan(), actuals))
                : Optional.empty();
        String explanation = actuals.forYear(accountsYear).map(YearlyActual::explanation).orElse(null);
        return new ReportRow(proposal.reference(), proposal.title(), proposal.leadAdministration(), proposal.kind(),
                proposal.priceLevelYear(), evaluation.status(), evaluation.fullyImplemented().isFullyImplemented(),
                cancelledNow, treasuryReturn, evaluation.figures(), evaluation.realisation().cumulative(),
                evaluation.spendRatio(), evaluation.targets(), evaluation.loan(), pendingDecisions, explanation);
    }

    /**
     * The row with its amounts converted to the report's price level. With the empty table nothing is converted:
     * the row stays in its own price level and says so ({@link #priceLevelYear} unchanged), never labelled with a
     * year it was not converted to (DOMAIN.md Edges 10).
     */
    public ReportRow converted(PriceIndex index, int toPriceLevelYear) {
        if (index.isEmpty()) {
            return this;
        }
        Optional<LoanStatus> convertedLoan = loan.map(l -> new LoanStatus(l.status(),
                index.convert(l.principal(), priceLevelYear, toPriceLevelYear),
                index.convert(l.scheduledToDate(), priceLevelYear, toPriceLevelYear),
                index.convert(l.repaidToDate(), priceLevelYear, toPriceLevelYear),
                index.convert(l.outstanding(), priceLevelYear, toPriceLevelYear)));
        return new ReportRow(reference, title, administration, kind, toPriceLevelYear, status, fullyImplemented,
                cancelled, treasuryReturn.map(a -> index.convert(a, priceLevelYear, toPriceLevelYear)),
                figures.converted(index, priceLevelYear, toPriceLevelYear), realisation, spendRatio, targets,
                convertedLoan, pendingDecisions, explanation);
    }

    /** Totals of a report: the sums of its rows' figures. */
    public static FollowUpFigures totals(List<ReportRow> rows) {
        FollowUpFigures total = FollowUpFigures.zero();
        for (ReportRow row : rows) {
            total = total.plus(row.figures());
        }
        return total;
    }
}
