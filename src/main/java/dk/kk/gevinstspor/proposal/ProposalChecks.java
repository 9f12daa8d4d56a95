package dk.kk.gevinstspor.proposal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dk.kk.gevinstspor.common.error.ApiException;
import dk.kk.gevinstspor.common.error.Problem;
import dk.kk.gevinstspor.common.error.ValidationErrors;
import dk.kk.gevinstspor.domain.Amount;
import dk.kk.gevinstspor.domain.Loan;
import dk.kk.gevinstspor.domain.PlanInput;
import dk.kk.gevinstspor.domain.PlanValidator;
import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.domain.ProposalKind;
import dk.kk.gevinstspor.domain.YearlyPlan;
import dk.kk.gevinstspor.domain.rules.Finding;
import dk.kk.gevinstspor.domain.rules.RuleContext;
import dk.kk.gevinstspor.domain.rules.Rules;

/**
 * The checks a proposal's plan lines, loan schedule and rules get wherever they are set: when a proposal is adopted or
 * its description changed ({@link ProposalMapper}, {@link ProposalService}) and when a change decision is made or
 * takes effect ({@code decision.DecisionService}). The rules are the domain's ({@link PlanValidator}, {@link Rules});
 * this class puts them in the API's words: its fields, codes and Danish messages (API.md).
 */
public final class ProposalChecks {

    /** 422: a year stands more than once in a loan's repayment schedule. */
    public static final String LOAN_YEAR_DUPLICATE = "LOAN_YEAR_DUPLICATE";

    private ProposalChecks() {
    }

    /**
     * The plan lines as the domain's input rows, each amount within the column's range ({@code AMOUNT_TOO_LARGE} at
     * {@code plan[i].investment} …); the domain checks the rest ({@link #planOf}).
     */
    public static List<PlanInput> planRows(List<ProposalJson.PlanLine> lines, ValidationErrors errors) {
        for (int i = 0; i < lines.size(); i++) {
            ProposalJson.PlanLine line = lines.get(i);
            String prefix = "plan[" + i + "].";
            errors.magnitude(prefix + "investment", line.investment()).magnitude(prefix + "operationFunding", line.operationFunding())
                    .magnitude(prefix + "operatingCost", line.operatingCost()).magnitude(prefix + "serviceEfficiency", line.serviceEfficiency())
                    .magnitude(prefix + "transferEffect", line.transferEffect());
        }
        return lines.stream().map(l -> new PlanInput(l.year(), l.investment(), l.operationFunding(), l.operatingCost(),
                l.serviceEfficiency(), l.transferEffect())).toList();
    }

    /**
     * The domain's {@link PlanValidator} on the rows of a proposal of this kind, with these flags and this loan (or
     * none): the plan they make, or null with the errors added.
     */
    public static YearlyPlan planOf(List<PlanInput> rows, boolean transfersEffect, ProposalKind kind, boolean crossCutting,
            Loan loan, ValidationErrors errors) {
        int before = errors.list().size();
        errors.addAll(PlanValidator.validate(rows, transfersEffect, kind, crossCutting, Optional.ofNullable(loan)));
        return errors.list().size() > before ? null : PlanValidator.toPlan(rows);
    }

    /** {@link #planRows} and then {@link #planOf}: the plan the lines make, or null with every error added. */
    public static YearlyPlan plan(List<ProposalJson.PlanLine> lines, boolean transfersEffect, ProposalKind kind,
            boolean crossCutting, Loan loan, ValidationErrors errors) {
        int before = errors.list().size();
        YearlyPlan plan = planOf(planRows(lines, errors), transfersEffect, kind, crossCutting, loan, errors);
        return errors.list().size() > before ? null : plan;
    }

    /**
     * A loan's repayment schedule (year → amount) from its lines at {@code field} ({@code loan.schedule} of a
     * proposal, {@code schedule} of a decision): each amount ≥ 0 with at most two decimals, each year once
     * ({@link #LOAN_YEAR_DUPLICATE}); null with the errors added when any is wrong.
     */
    public static Map<Integer, Amount> schedule(String field, List<ProposalJson.Repayment> lines, ValidationErrors errors) {
        int before = errors.list().size();
        Map<Integer, Amount> schedule = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            ProposalJson.Repayment repayment = lines.get(i);
            errors.amount(field + "[" + i + "].amount", repayment.amount(), false);
            if (schedule.put(repayment.year(), Amount.ZERO) != null) {
                errors.add(field + "[" + i + "].year", LOAN_YEAR_DUPLICATE,
                        "Året " + repayment.year() + " står mere end én gang i tilbagebetalingsplanen");
            }
        }
        if (errors.list().size() > before) {
            return null;
        }
        lines.forEach(r -> schedule.put(r.year(), Amount.of(r.amount())));
        return schedule;
    }

    /**
     * A proposal with an ERROR finding of the domain's {@link Rules} is neither adopted nor changed into: 422 with
     * the findings' codes and messages, {@code detail} saying what was refused.
     */
    public static void refuseErrorFindings(Proposal proposal, String detail) {
        List<Problem.Error> errors = Rules.check(RuleContext.of(proposal)).stream()
                .filter(Finding::isError)
                .map(f -> new Problem.Error(null, null, null, f.code().name(), f.message()))
                .toList();
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable(detail, errors);
        }
    }
}
