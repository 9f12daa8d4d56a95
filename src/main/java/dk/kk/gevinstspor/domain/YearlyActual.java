package dk.kk.gevinstspor.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The actual figures of one proposal in one year: the five plan fields, the loan repayment,
 * a value per KPI code, the year each milestone (by code) was achieved, and an explanation.
 */
public record YearlyActual(int year, Amount investment, Amount operationFunding, Amount operatingCost,
                           Amount serviceEfficiency, Amount transferEffect, Amount repayment,
                           Map<String, BigDecimal> kpis, Map<String, Integer> milestones, String explanation) {

    public YearlyActual {
        FiscalYear.check(year);
        PlanYear.requireFields(investment, operationFunding, operatingCost, serviceEfficiency, transferEffect);
        Objects.requireNonNull(repayment, "repayment");
        kpis = Decimals.plain(kpis); // one scale, whichever store the values come from
        milestones.values().forEach(FiscalYear::check);
        milestones = Map.copyOf(new TreeMap<>(milestones));
    }

    /** An actuals row with the five amounts only (no repayment, KPIs, milestones or explanation). */
    public static YearlyActual of(int year, Amount investment, Amount operationFunding, Amount operatingCost,
                                  Amount serviceEfficiency, Amount transferEffect) {
        return new YearlyActual(year, investment, operationFunding, operatingCost, serviceEfficiency, transferEffect,
                Amount.ZERO, Map.of(), Map.of(), null);
    }

    /** The actuals row that repeats the plan's figures for its year. */
    public static YearlyActual asPlanned(PlanYear plan) {
        return of(plan.year(), plan.investment(), plan.operationFunding(), plan.operatingCost(),
                plan.serviceEfficiency(), plan.transferEffect());
    }

    /** Money from the pool spent: investment + operationFunding. */
    public Amount poolMoney() {
        return investment.plus(operationFunding);
    }

    /** The actual gain on the basis (gs or gt), computed as for the plan. */
    public Amount gain(GainBasis basis) {
        return asPlanYear().gain(basis);
    }

    /** The five amounts as a plan-shaped row (for comparisons with the plan). */
    public PlanYear asPlanYear() {
        return new PlanYear(year, investment, operationFunding, operatingCost, serviceEfficiency, transferEffect);
    }

    public Optional<BigDecimal> kpi(String code) {
        return Optional.ofNullable(kpis.get(code));
    }

    public YearlyActual withRepayment(Amount amount) {
        return new YearlyActual(year, investment, operationFunding, operatingCost, serviceEfficiency, transferEffect,
                amount, kpis, milestones, explanation);
    }

    public YearlyActual withExplanation(String text) {
        return new YearlyActual(year, investment, operationFunding, operatingCost, serviceEfficiency, transferEffect,
                repayment, kpis, milestones, text);
    }
}
