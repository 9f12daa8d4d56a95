package dk.kk.gevinstspor.domain;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An internal loan of an administration-specific pre-analysis: principal, loan year and a repayment
 * schedule (year → amount ≥ 0). Whether the schedule sums to the principal within loanYear..loanYear+6
 * is checked by rules, so that all findings can be reported at once.
 */
public record Loan(Amount principal, int loanYear, Map<Integer, Amount> schedule) {

    /** Latest repayment year after the loan year (seed: repaid after at most 6 years). */
    public static final int MAX_YEARS = 6;

    public Loan {
        Objects.requireNonNull(principal, "principal");
        if (principal.isNegative()) {
            throw new IllegalArgumentException("Lånets hovedstol kan ikke være negativ");
        }
        FiscalYear.check(loanYear);
        TreeMap<Integer, Amount> sorted = new TreeMap<>(schedule);
        sorted.forEach((year, amount) -> {
            FiscalYear.check(year);
            if (amount.isNegative()) {
                throw new IllegalArgumentException("Afdrag kan ikke være negative: " + year);
            }
        });
        schedule = java.util.Collections.unmodifiableMap(sorted);
    }

    /** Σ of the scheduled repayments. */
    public Amount scheduledTotal() {
        return Amount.sum(schedule.values());
    }

    /** Σ of the repayments scheduled up to and including the year. */
    public Amount scheduledUpTo(int year) {
        return Amount.sum(schedule.entrySet().stream().filter(e -> e.getKey() <= year).map(Map.Entry::getValue).toList());
    }

    /** The last year a repayment may fall in: loanYear + 6. */
    public int lastAllowedYear() {
        return loanYear + MAX_YEARS;
    }
}
