package dk.kk.gevinstspor.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a plan before it is stored and reports every error at once: at least one row, consecutive
 * years without gaps or duplicates, amounts ≥ 0 except transfer effect, at most two decimals,
 * transfer amounts only with the transfers flag, and loans only on administration-specific pre-analyses.
 */
public final class PlanValidator {

    public static final String PLAN_EMPTY = "PLAN_EMPTY";
    public static final String PLAN_YEAR_DUPLICATE = "PLAN_YEAR_DUPLICATE";
    public static final String PLAN_YEAR_GAP = "PLAN_YEAR_GAP";
    public static final String PLAN_YEAR_INVALID = "PLAN_YEAR_INVALID";
    public static final String AMOUNT_NEGATIVE = "AMOUNT_NEGATIVE";
    public static final String AMOUNT_TOO_MANY_DECIMALS = "AMOUNT_TOO_MANY_DECIMALS";
    public static final String TRANSFER_EFFECT_WITHOUT_FLAG = "TRANSFER_EFFECT_WITHOUT_FLAG";
    public static final String LOAN_NOT_ALLOWED = "LOAN_NOT_ALLOWED";
    public static final String LOAN_YEAR_OUTSIDE_PLAN = "LOAN_YEAR_OUTSIDE_PLAN";

    private PlanValidator() {
    }

    /** Errors of the plan rows; empty when the rows make a valid {@link YearlyPlan}. */
    public static List<ValidationError> validate(List<PlanInput> rows, boolean transfersEffect) {
        List<ValidationError> errors = new ArrayList<>();
        if (rows.isEmpty()) {
            errors.add(new ValidationError("plan", PLAN_EMPTY, "Planen skal have mindst ét år"));
            return errors;
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            PlanInput row = rows.get(i);
            String prefix = "plan[" + i + "]";
            if (row.year() < FiscalYear.MIN || row.year() > FiscalYear.MAX) {
                errors.add(new ValidationError(prefix + ".year", PLAN_YEAR_INVALID, "Ugyldigt år: " + row.year()));
            }
            if (!seen.add(row.year())) {
                errors.add(new ValidationError(prefix + ".year", PLAN_YEAR_DUPLICATE,
                        "Året " + row.year() + " står mere end én gang i planen"));
            }
            checkAmount(prefix + ".investment", row.investment(), false, errors);
            checkAmount(prefix + ".operationFunding", row.operationFunding(), false, errors);
            checkAmount(prefix + ".operatingCost", row.operatingCost(), false, errors);
            checkAmount(prefix + ".serviceEfficiency", row.serviceEfficiency(), false, errors);
            checkAmount(prefix + ".transferEffect", row.transferEffect(), true, errors);
            if (!transfersEffect && row.transferEffect() != null && row.transferEffect().signum() != 0) {
                errors.add(new ValidationError(prefix + ".transferEffect", TRANSFER_EFFECT_WITHOUT_FLAG,
                        "Effekt på overførsler kræver, at forslaget er markeret med effekt på overførsler"));
            }
        }
        if (errors.stream().anyMatch(e -> e.code().equals(PLAN_YEAR_INVALID))) {
            return errors;
        }
        int min = seen.stream().min(Integer::compare).orElseThrow();
        int max = seen.stream().max(Integer::compare).orElseThrow();
        for (int year = min + 1; year < max; year++) {
            if (!seen.contains(year)) {
                errors.add(new ValidationError("plan", PLAN_YEAR_GAP, "Planen mangler året " + year));
            }
        }
        return errors;
    }

    /** Errors of the plan rows and of the loan given the proposal's kind and whether it is cross-cutting. */
    public static List<ValidationError> validate(List<PlanInput> rows, boolean transfersEffect, ProposalKind kind,
                                                 boolean crossCutting, Optional<Loan> loan) {
        List<ValidationError> errors = validate(rows, transfersEffect);
        boolean loanAllowed = kind == ProposalKind.PRE_ANALYSIS && !crossCutting;
        if (loan.isPresent() && !loanAllowed) {
            errors.add(new ValidationError("loan", LOAN_NOT_ALLOWED,
                    "Kun forvaltningsspecifikke foranalyser kan have et lån"));
        }
        if (loan.isPresent() && errors.stream().noneMatch(e -> e.field().startsWith("plan"))) {
            checkLoanYear(loan.get().loanYear(), rows, errors);
        }
        return errors;
    }

    /** DOMAIN.md Edges 6: the loan year is a year of the plan, y1 ≤ loanYear ≤ P. */
    private static void checkLoanYear(int loanYear, List<PlanInput> rows, List<ValidationError> errors) {
        int first = rows.stream().mapToInt(PlanInput::year).min().orElseThrow();
        int last = rows.stream().mapToInt(PlanInput::year).max().orElseThrow();
        if (loanYear < first || loanYear > last) {
            errors.add(new ValidationError("loan.loanYear", LOAN_YEAR_OUTSIDE_PLAN, "Låneåret " + loanYear
                    + " skal være et af planens år (" + first + "–" + last + ")"));
        }
    }

    /** Builds the plan from rows that {@link #validate(List, boolean)} found without errors. */
    public static YearlyPlan toPlan(List<PlanInput> rows) {
        return new YearlyPlan(rows.stream().map(PlanInput::toPlanYear).toList());
    }

    private static void checkAmount(String field, BigDecimal value, boolean mayBeNegative, List<ValidationError> errors) {
        if (value == null) {
            return;
        }
        if (value.stripTrailingZeros().scale() > Amount.SCALE) {
            errors.add(new ValidationError(field, AMOUNT_TOO_MANY_DECIMALS,
                    "Beløbet må højst have to decimaler: " + value.toPlainString()));
        }
        if (!mayBeNegative && value.signum() < 0) {
            errors.add(new ValidationError(field, AMOUNT_NEGATIVE, "Beløbet må ikke være negativt"));
        }
    }
}
