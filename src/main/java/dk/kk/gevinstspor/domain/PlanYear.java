package dk.kk.gevinstspor.domain;

import java.util.Objects;

/** One year of a proposal's plan, in the proposal's price level. */
public record PlanYear(int year, Amount investment, Amount operationFunding, Amount operatingCost,
                       Amount serviceEfficiency, Amount transferEffect) {

    public PlanYear {
        FiscalYear.check(year);
        requireFields(investment, operationFunding, operatingCost, serviceEfficiency, transferEffect);
    }

    /** Refuses a missing one of the five plan fields (of a plan year or an actuals row), naming it. */
    static void requireFields(Amount investment, Amount operationFunding, Amount operatingCost, Amount serviceEfficiency,
                              Amount transferEffect) {
        Objects.requireNonNull(investment, "investment");
        Objects.requireNonNull(operationFunding, "operationFunding");
        Objects.requireNonNull(operatingCost, "operatingCost");
        Objects.requireNonNull(serviceEfficiency, "serviceEfficiency");
        Objects.requireNonNull(transferEffect, "transferEffect");
    }

    /** A year with nothing planned. */
    public static PlanYear empty(int year) {
        return new PlanYear(year, Amount.ZERO, Amount.ZERO, Amount.ZERO, Amount.ZERO, Amount.ZERO);
    }

    /** Money from the pool: investment + operationFunding. */
    public Amount poolMoney() {
        return investment.plus(operationFunding);
    }

    /** Net service gain gs = serviceEfficiency − operatingCost. */
    public Amount serviceGain() {
        return serviceEfficiency.minus(operatingCost);
    }

    /** Net total gain gt = gs + transferEffect. */
    public Amount totalGain() {
        return serviceGain().plus(transferEffect);
    }

    /** The gain on the given basis. */
    public Amount gain(GainBasis basis) {
        return switch (basis) {
            case SERVICE -> serviceGain();
            case TOTAL -> totalGain();
        };
    }

    /** The same figures in another year. */
    public PlanYear inYear(int otherYear) {
        return new PlanYear(otherYear, investment, operationFunding, operatingCost, serviceEfficiency, transferEffect);
    }
}
