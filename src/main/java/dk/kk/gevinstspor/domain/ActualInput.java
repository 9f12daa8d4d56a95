package dk.kk.gevinstspor.domain;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One year's actuals as they arrive (raw decimals, possibly invalid), to be checked by {@link ActualsValidator}
 * before they become a {@link YearlyActual}. A null amount counts as 0; null maps count as empty.
 */
public record ActualInput(int year, BigDecimal investment, BigDecimal operationFunding, BigDecimal operatingCost,
                          BigDecimal serviceEfficiency, BigDecimal transferEffect, BigDecimal repayment,
                          Map<String, BigDecimal> kpis, Map<String, Integer> milestones, String explanation) {

    /** The checked row; throws if an amount has more than two decimals. */
    public YearlyActual toYearlyActual() {
        return new YearlyActual(year, amount(investment), amount(operationFunding), amount(operatingCost),
                amount(serviceEfficiency), amount(transferEffect), amount(repayment),
                kpis == null ? Map.of() : kpis, milestones == null ? Map.of() : milestones, explanation);
    }

    private static Amount amount(BigDecimal value) {
        return value == null ? Amount.ZERO : Amount.of(value);
    }
}
