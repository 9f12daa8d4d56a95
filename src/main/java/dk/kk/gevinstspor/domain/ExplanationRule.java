package dk.kk.gevinstspor.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * When an actuals row needs an explanation: any of the five amounts differs from its plan
 * (extended past P) by more than the tolerance, {@code |actual − plan| > tolerance × |plan|};
 * with plan 0, any non-zero actual. When the proposal's effects are not followed up (criterion 13,
 * DOMAIN.md Edges 4) the effect fields, service efficiency and transfer effect, need none.
 */
public final class ExplanationRule {

    private ExplanationRule() {
    }

    /** The names of the fields whose actual deviates from the plan by more than the tolerance. */
    public static List<String> deviatingFields(Proposal proposal, YearlyActual actual, BigDecimal tolerance) {
        PlanYear planned = proposal.plan().forYear(actual.year());
        List<String> fields = new ArrayList<>();
        check("investment", planned.investment(), actual.investment(), tolerance, fields);
        check("operationFunding", planned.operationFunding(), actual.operationFunding(), tolerance, fields);
        check("operatingCost", planned.operatingCost(), actual.operatingCost(), tolerance, fields);
        if (proposal.effectsFollowedUp()) {
            check("serviceEfficiency", planned.serviceEfficiency(), actual.serviceEfficiency(), tolerance, fields);
            check("transferEffect", planned.transferEffect(), actual.transferEffect(), tolerance, fields);
        }
        return fields;
    }

    /** True when at least one amount deviates by more than the tolerance. */
    public static boolean isRequired(Proposal proposal, YearlyActual actual, BigDecimal tolerance) {
        return !deviatingFields(proposal, actual, tolerance).isEmpty();
    }

    /** True when an explanation is required and the row has none (blank counts as none). */
    public static boolean isMissing(Proposal proposal, YearlyActual actual, BigDecimal tolerance) {
        return isRequired(proposal, actual, tolerance)
                && (actual.explanation() == null || actual.explanation().isBlank());
    }

    /** |actual − plan| > tolerance × |plan|; for plan 0 this is any non-zero actual. */
    static boolean deviates(Amount planned, Amount actual, BigDecimal tolerance) {
        BigDecimal difference = actual.value().subtract(planned.value()).abs();
        return difference.compareTo(planned.value().abs().multiply(tolerance)) > 0;
    }

    private static void check(String field, Amount planned, Amount actual, BigDecimal tolerance, List<String> out) {
        if (deviates(planned, actual, tolerance)) {
            out.add(field);
        }
    }
}
