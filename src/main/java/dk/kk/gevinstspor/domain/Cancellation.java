package dk.kk.gevinstspor.domain;

/**
 * An approved cancellation (annullering): follow-up ends after the effective year, and the
 * remaining pool money returns to the treasury.
 */
public record Cancellation(int effectiveYear) {

    public Cancellation {
        FiscalYear.check(effectiveYear);
    }

    /**
     * Money returned to the treasury: planned pool money (all years) − pool money spent up to and
     * including the effective year; never below 0 (nothing remains when more was spent than planned).
     */
    public Amount treasuryReturn(YearlyPlan plan, Actuals actuals) {
        return plan.totalPoolMoney().minus(actuals.poolMoneyUpTo(effectiveYear)).max(Amount.ZERO);
    }
}
