package dk.kk.gevinstspor.domain;

import java.util.Comparator;
import java.util.List;

/**
 * A proposal's yearly plan: consecutive years, at least one; the last year is the permanent year P.
 * After P, efficiency, operating cost and transfer effect continue at P's values and pool money is 0.
 */
public record YearlyPlan(List<PlanYear> years) {

    public YearlyPlan {
        years = years.stream().sorted(Comparator.comparingInt(PlanYear::year)).toList();
        if (years.isEmpty()) {
            throw new IllegalArgumentException("En plan skal have mindst ét år");
        }
        for (int i = 1; i < years.size(); i++) {
            if (years.get(i).year() != years.get(i - 1).year() + 1) {
                throw new IllegalArgumentException("Planens år skal følge hinanden uden huller eller dubletter");
            }
        }
    }

    public static YearlyPlan of(PlanYear... years) {
        return new YearlyPlan(List.of(years));
    }

    /** The first plan year y1. */
    public int firstYear() {
        return years.get(0).year();
    }

    /** The permanent year P (the last plan row). */
    public int permanentYear() {
        return permanent().year();
    }

    /** The plan row of the permanent year. */
    public PlanYear permanent() {
        return years.get(years.size() - 1);
    }

    /** The plan for any year: empty before y1, the row within the plan, P's effects (no pool money) after P. */
    public PlanYear forYear(int year) {
        if (year < firstYear()) {
            return PlanYear.empty(year);
        }
        if (year <= permanentYear()) {
            return years.get(year - firstYear());
        }
        PlanYear p = permanent();
        return new PlanYear(year, Amount.ZERO, Amount.ZERO, p.operatingCost(), p.serviceEfficiency(), p.transferEffect());
    }

    /** Σ investment over all plan years. */
    public Amount totalInvestment() {
        return Amount.sum(years.stream().map(PlanYear::investment).toList());
    }

    /** Σ pool money (investment + operationFunding) over all plan years. */
    public Amount totalPoolMoney() {
        return Amount.sum(years.stream().map(PlanYear::poolMoney).toList());
    }

    /** Σ planned pool money in the years after the given year. */
    public Amount poolMoneyAfter(int year) {
        return Amount.sum(years.stream().filter(y -> y.year() > year).map(PlanYear::poolMoney).toList());
    }

    /** Σ planned pool money from y1 up to and including the given year. */
    public Amount poolMoneyUpTo(int year) {
        return Amount.sum(years.stream().filter(y -> y.year() <= year).map(PlanYear::poolMoney).toList());
    }

    /** Σ planned gain on the basis from y1 up to and including the given year (plan extended past P). */
    public Amount gainUpTo(int year, GainBasis basis) {
        Amount sum = Amount.ZERO;
        for (int y = firstYear(); y <= year; y++) {
            sum = sum.plus(forYear(y).gain(basis));
        }
        return sum;
    }
}
