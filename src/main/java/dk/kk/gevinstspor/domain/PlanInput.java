package dk.kk.gevinstspor.domain;

import java.math.BigDecimal;

/**
 * One plan row as it arrives (raw decimals, possibly invalid), to be checked by
 * {@link PlanValidator} before it becomes a {@link PlanYear}. A null amount counts as 0.
 */
public record PlanInput(int year, BigDecimal investment, BigDecimal operationFunding, BigDecimal operatingCost,
                        BigDecimal serviceEfficiency, BigDecimal transferEffect) {

    /** The checked row; throws if an amount has more than two decimals. */
    public PlanYear toPlanYear() {
        return new PlanYear(year, amount(investment), amount(operationFunding), amount(operatingCost),
                amount(serviceEfficiency), amount(transferEffect));
    }

    private static Amount amount(BigDecimal value) {
        return value == null ? Amount.ZERO : Amount.of(value);
    }
}
