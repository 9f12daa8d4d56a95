package dk.kk.gevinstspor.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * Payback period as DOMAIN.md defines it. Balance {@code B(k) = Σ (g(yi) − investment(yi))}; within a
 * year the investment is paid at its start and the gain accrues evenly. With k the last year whose
 * opening balance {@code B(k−1) − investment(yk)} is negative, payback = (k − 1) + D / g(yk),
 * D = investment(yk) − B(k−1); 0 when no opening balance is negative. After P the years continue at
 * P's values (no investment); if the balance is still negative after P and g(P) ≤ 0, or g(P) &lt; 0 so
 * that the balance turns negative for good, the payback is never.
 */
public final class PaybackCalculator {

    private PaybackCalculator() {
    }

    /** Payback, simple figure, on service and on the total economy. */
    public static PaybackFigures figures(YearlyPlan plan) {
        return new PaybackFigures(payback(plan, GainBasis.SERVICE), payback(plan, GainBasis.TOTAL), simple(plan));
    }

    /** Cumulative, interpolated payback on the given gain. */
    public static Payback payback(YearlyPlan plan, GainBasis basis) {
        List<PlanYear> years = plan.years();
        BigDecimal gainAfterP = plan.permanent().gain(basis).value();
        if (gainAfterP.signum() < 0) {
            return Payback.never();
        }
        BigDecimal balance = BigDecimal.ZERO;
        int lastNegative = 0;
        BigDecimal openingOfLast = BigDecimal.ZERO;
        BigDecimal gainOfLast = BigDecimal.ZERO;
        for (int k = 1; k <= years.size(); k++) {
            PlanYear year = years.get(k - 1);
            BigDecimal investment = year.investment().value();
            BigDecimal gain = year.gain(basis).value();
            BigDecimal opening = balance.subtract(investment);
            if (opening.signum() < 0) {
                lastNegative = k;
                openingOfLast = opening;
                gainOfLast = gain;
            }
            balance = opening.add(gain);
        }
        if (balance.signum() < 0) {
            if (gainAfterP.signum() <= 0) {
                return Payback.never();
            }
            // the years after P continue at P's gain without investment: the balance reaches 0 after −B(P) / g(P) more years
            return Payback.years(BigDecimal.valueOf(years.size()).add(balance.negate().divide(gainAfterP, Ratio.PRECISION)));
        }
        if (lastNegative == 0) {
            return Payback.years(BigDecimal.ZERO);
        }
        BigDecimal shortfall = openingOfLast.negate();
        return Payback.years(BigDecimal.valueOf(lastNegative - 1L).add(shortfall.divide(gainOfLast, Ratio.PRECISION)));
    }

    /** The simple figure Σ investment / gs(P), labelled as such; never when gs(P) ≤ 0. */
    public static Payback simple(YearlyPlan plan) {
        BigDecimal permanentGain = plan.permanent().serviceGain().value();
        if (permanentGain.signum() <= 0) {
            return Payback.never();
        }
        return Payback.years(plan.totalInvestment().value().divide(permanentGain, Ratio.PRECISION));
    }
}
