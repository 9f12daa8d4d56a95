package dk.kk.gevinstspor.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Fully implemented" (fuldt implementeret, seed section 5): the first year ≤ the evaluated year in which
 * the permanent year is reached, the actual gain is at least g(P) × (1 − tolerance), no pool money is spent
 * and none is planned later, every milestone is achieved, and the proposal is not cancelled. Conditions 2
 * and 3 need an actuals row for the year. {@code conditions} are those of the evaluated year.
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

    /** Works out the first fully implemented year ≤ {@code evaluatedYear} and the conditions in that year. */
    public static FullyImplemented of(Proposal proposal, Actuals actuals, int evaluatedYear, BigDecimal tolerance) {
        Optional<Integer> first = Optional.empty();
        for (int y = proposal.plan().permanentYear(); y <= evaluatedYear; y++) {
            if (conditionsIn(proposal, actuals, y, tolerance).stream().allMatch(ConditionResult::holds)) {
                first = Optional.of(y);
                break;
            }
        }
        return new FullyImplemented(first, conditionsIn(proposal, actuals, evaluatedYear, tolerance));
    }

    /** Each condition, holding or failing, in the year. */
    public static List<ConditionResult> conditionsIn(Proposal proposal, Actuals actuals, int year, BigDecimal tolerance) {
        YearlyPlan plan = proposal.plan();
        Optional<YearlyActual> row = actuals.forYear(year);
        BigDecimal permanentGain = plan.permanent().gain(proposal.gainBasis()).value();
        BigDecimal required = permanentGain.multiply(BigDecimal.ONE.subtract(tolerance));
        List<ConditionResult> result = new ArrayList<>();
        result.add(new ConditionResult(FullyImplementedCondition.PERMANENT_YEAR_REACHED,
                year >= plan.permanentYear()));
        result.add(new ConditionResult(FullyImplementedCondition.PERMANENT_GAIN_REACHED,
                row.map(a -> a.gain(proposal.gainBasis()).value().compareTo(required) >= 0).orElse(false)));
        result.add(new ConditionResult(FullyImplementedCondition.NO_POOL_MONEY,
                row.map(a -> a.poolMoney().isZero()).orElse(false) && plan.poolMoneyAfter(year).isZero()));
        result.add(new ConditionResult(FullyImplementedCondition.MILESTONES_ACHIEVED,
                proposal.milestones().stream().allMatch(m -> actuals.milestoneAchievedBy(m.code(), year).isPresent())));
        result.add(new ConditionResult(FullyImplementedCondition.NOT_CANCELLED, !proposal.cancelledBy(year)));
        return result;
    }
}
