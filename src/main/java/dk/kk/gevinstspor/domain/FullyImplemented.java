package dk.kk.gevinstspor.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Fully implemented" (fuldt implementeret, seed section 5; DOMAIN.md Edges 3–5 and 8): the first year ≤ the
 * evaluated year in which the permanent year is reached, the actual gain is at least g(P) − tolerance × |g(P)|
 * (not judged, so holding, when effects are not followed up), no pool money is spent and none is planned later,
 * every milestone is achieved, the proposal is not cancelled and, for a proposal with a loan, the loan is repaid.
 * Conditions 2 and 3 need an actuals row for the year. {@code conditions} are those of the year follow-up is
 * shown for: the fully implemented year, else the cancellation's effective year when it is earlier than the
 * evaluated year, else the evaluated year.
 */
public record FullyImplemented(Optional<Integer> year, List<ConditionResult> conditions) {

    public FullyImplemented {
        conditions = List.copyOf(conditions);
    }

    public boolean isFullyImplemented() {
        return year.isPresent();
    }

    /** True when fully implemented in a year before the given one. */
    public boolean before(int otherYear) {
        return year.filter(y -> y < otherYear).isPresent();
    }

    /** Works out the first fully implemented year ≤ {@code evaluatedYear} and the conditions of the follow-up year. */
    public static FullyImplemented of(Proposal proposal, Actuals actuals, int evaluatedYear, BigDecimal tolerance) {
        return of(proposal, actuals, firstYear(proposal, actuals, evaluatedYear, tolerance), evaluatedYear, tolerance);
    }

    /** As {@link #of(Proposal, Actuals, int, BigDecimal)}, with the first fully implemented year ≤ the evaluated year known. */
    static FullyImplemented of(Proposal proposal, Actuals actuals, Optional<Integer> first, int evaluatedYear, BigDecimal tolerance) {
        return new FullyImplemented(first, conditionsIn(proposal, actuals, followUpYear(proposal, first, evaluatedYear), tolerance));
    }

    /** The first year ≤ {@code evaluatedYear} in which every condition holds (none before the permanent year). */
    static Optional<Integer> firstYear(Proposal proposal, Actuals actuals, int evaluatedYear, BigDecimal tolerance) {
        for (int y = proposal.plan().permanentYear(); y <= evaluatedYear; y++) {
            if (conditionsIn(proposal, actuals, y, tolerance).stream().allMatch(ConditionResult::holds)) {
                return Optional.of(y);
            }
        }
        return Optional.empty();
    }

    /**
     * The year whose figures, targets, status and conditions an evaluation for {@code year} shows (DOMAIN.md Edges 8):
     * Y, or the earlier year follow-up ended, the cancellation's effective year or the fully implemented year.
     */
    public static int followUpYear(Proposal proposal, Optional<Integer> fullyImplementedYear, int year) {
        int result = year;
        if (proposal.cancellation() != null) {
            result = Math.min(result, proposal.cancellation().effectiveYear());
        }
        if (fullyImplementedYear.isPresent()) {
            result = Math.min(result, fullyImplementedYear.get());
        }
        return result;
    }

    /** Each condition, holding or failing, in the year; {@code LOAN_REPAID} only for a proposal with a loan. */
    public static List<ConditionResult> conditionsIn(Proposal proposal, Actuals actuals, int year, BigDecimal tolerance) {
        YearlyPlan plan = proposal.plan();
        Optional<YearlyActual> row = actuals.forYear(year);
        List<ConditionResult> result = new ArrayList<>();
        result.add(ConditionResult.of(FullyImplementedCondition.PERMANENT_YEAR_REACHED, year >= plan.permanentYear()));
        result.add(proposal.effectsFollowedUp()
                ? ConditionResult.of(FullyImplementedCondition.PERMANENT_GAIN_REACHED,
                        row.map(a -> permanentGainReached(proposal, a, tolerance)).orElse(false))
                : ConditionResult.notJudged(FullyImplementedCondition.PERMANENT_GAIN_REACHED));
        result.add(ConditionResult.of(FullyImplementedCondition.NO_POOL_MONEY,
                row.map(a -> a.poolMoney().isZero()).orElse(false) && plan.poolMoneyAfter(year).isZero()));
        result.add(ConditionResult.of(FullyImplementedCondition.MILESTONES_ACHIEVED,
                proposal.milestones().stream().allMatch(m -> actuals.milestoneAchievedBy(m.code(), year).isPresent())));
        result.add(ConditionResult.of(FullyImplementedCondition.NOT_CANCELLED, !proposal.cancelledBy(year)));
        proposal.loanIfAny().ifPresent(loan -> result.add(ConditionResult.of(FullyImplementedCondition.LOAN_REPAID,
                LoanStatus.at(loan, actuals, year).status() == RepaymentStatus.REPAID)));
        return result;
    }

    /** Actual g(Y) ≥ g(P) − tolerance × |g(P)| (Edges 3: right also for a permanent loss, g(P) &lt; 0). */
    static boolean permanentGainReached(Proposal proposal, YearlyActual actual, BigDecimal tolerance) {
        BigDecimal permanentGain = proposal.plan().permanent().gain(proposal.gainBasis()).value();
        BigDecimal required = permanentGain.subtract(permanentGain.abs().multiply(tolerance));
        return actual.gain(proposal.gainBasis()).value().compareTo(required) >= 0;
    }
}
