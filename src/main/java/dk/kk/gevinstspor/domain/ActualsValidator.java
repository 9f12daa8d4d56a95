package dk.kk.gevinstspor.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks one year's actuals of a proposal and reports every error at once: the year lies between the first
 * plan year and the current year ({@link ActualsYears#inRange}), amounts are ≥ 0 (except transfer effect) with at
 * most two decimals, transfer
 * amounts only with the transfers flag, KPI and milestone codes belong to the proposal's targets, and an achieved
 * year is not after the row's year, and a repayment only on a proposal with a loan.
 */
public final class ActualsValidator {

    public static final String YEAR_OUT_OF_RANGE = "YEAR_OUT_OF_RANGE";
    public static final String UNKNOWN_KPI = "UNKNOWN_KPI";
    public static final String UNKNOWN_MILESTONE = "UNKNOWN_MILESTONE";
    public static final String MILESTONE_IN_FUTURE = "MILESTONE_IN_FUTURE";
    public static final String REPAYMENT_WITHOUT_LOAN = "REPAYMENT_WITHOUT_LOAN";

    private ActualsValidator() {
    }

    public static List<ValidationError> validate(ActualInput input, Proposal proposal, int currentYear) {
        List<ValidationError> errors = new ArrayList<>();
        if (!ActualsYears.inRange(proposal, input.year(), currentYear)) {
            errors.add(new ValidationError("year", YEAR_OUT_OF_RANGE, ActualsYears.rangeMessage(proposal, currentYear)));
        }
        PlanInput amounts = new PlanInput(input.year(), input.investment(), input.operationFunding(),
                input.operatingCost(), input.serviceEfficiency(), input.transferEffect());
        PlanValidator.validate(List.of(amounts), proposal.transfersEffect()).stream()
                .filter(e -> !e.code().equals(PlanValidator.PLAN_YEAR_INVALID))
                .map(e -> new ValidationError(e.field().replace("plan[0].", ""), e.code(), e.message()))
                .forEach(errors::add);
        boolean repaymentValid = checkRepayment(input.repayment(), errors);
        if (proposal.loan() == null && repaymentValid && input.repayment() != null && input.repayment().signum() > 0) {
            errors.add(new ValidationError("repayment", REPAYMENT_WITHOUT_LOAN, "Forslaget har intet lån at tilbagebetale"));
        }
        Set<String> kpiCodes = codes(proposal, TargetType.KPI);
        Set<String> milestoneCodes = codes(proposal, TargetType.MILESTONE);
        for (String code : nullSafe(input.kpis()).keySet()) {
            if (!kpiCodes.contains(code)) {
                errors.add(new ValidationError("kpis." + code, UNKNOWN_KPI, "Forslaget har ingen KPI med koden " + code));
            }
        }
        for (Map.Entry<String, Integer> m : nullSafe(input.milestones()).entrySet()) {
            if (!milestoneCodes.contains(m.getKey())) {
                errors.add(new ValidationError("milestones." + m.getKey(), UNKNOWN_MILESTONE,
                        "Forslaget har ingen milepæl med koden " + m.getKey()));
            } else if (m.getValue() > input.year()) {
                errors.add(new ValidationError("milestones." + m.getKey(), MILESTONE_IN_FUTURE,
                        "En milepæl kan ikke være nået efter regnskabsåret"));
            }
        }
        return errors;
    }

    /** True when the repayment is a valid amount (or absent). */
    private static boolean checkRepayment(BigDecimal repayment, List<ValidationError> errors) {
        if (repayment == null) {
            return true;
        }
        int before = errors.size();
        if (repayment.stripTrailingZeros().scale() > Amount.SCALE) {
            errors.add(new ValidationError("repayment", PlanValidator.AMOUNT_TOO_MANY_DECIMALS,
                    "Beløbet må højst have to decimaler: " + repayment.toPlainString()));
        }
        if (repayment.signum() < 0) {
            errors.add(new ValidationError("repayment", PlanValidator.AMOUNT_NEGATIVE, "Beløbet må ikke være negativt"));
        }
        return errors.size() == before;
    }

    private static Set<String> codes(Proposal proposal, TargetType type) {
        return proposal.targets().stream().filter(t -> t.type() == type).map(FollowUpTarget::code).collect(Collectors.toSet());
    }

    private static <K, V> Map<K, V> nullSafe(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
