package dk.kk.gevinstspor.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** All actuals rows of one proposal, at most one per year. A missing year counts as 0. */
public record Actuals(Map<Integer, YearlyActual> byYear) {

    public Actuals {
        byYear.forEach((year, row) -> {
            if (row.year() != year) {
                throw new IllegalArgumentException("Året passer ikke til rækken: " + year);
            }
        });
        byYear = java.util.Collections.unmodifiableMap(new TreeMap<>(byYear));
    }

    /** No actuals at all. */
    public static Actuals none() {
        return new Actuals(Map.of());
    }

    /** Actuals from rows; refuses two rows for the same year. */
    public static Actuals of(Collection<YearlyActual> rows) {
        return new Actuals(rows.stream().collect(Collectors.toMap(YearlyActual::year, Function.identity())));
    }

    public static Actuals of(YearlyActual... rows) {
        return of(List.of(rows));
    }

    public Optional<YearlyActual> forYear(int year) {
        return Optional.ofNullable(byYear.get(year));
    }

    public boolean hasRow(int year) {
        return byYear.containsKey(year);
    }

    /** These actuals with a row added or replaced (a corrected actual). */
    public Actuals with(YearlyActual row) {
        Map<Integer, YearlyActual> copy = new TreeMap<>(byYear);
        copy.put(row.year(), row);
        return new Actuals(copy);
    }

    /** Σ pool money spent in the years up to and including the year. */
    public Amount poolMoneyUpTo(int year) {
        return Amount.sum(upTo(year).stream().map(YearlyActual::poolMoney).toList());
    }

    /** Σ actual gain on the basis in the years up to and including the year. */
    public Amount gainUpTo(int year, GainBasis basis) {
        return Amount.sum(upTo(year).stream().map(a -> a.gain(basis)).toList());
    }

    /** Σ loan repayments in the years up to and including the year. */
    public Amount repaidUpTo(int year) {
        return Amount.sum(upTo(year).stream().map(YearlyActual::repayment).toList());
    }

    /** Pool money spent in the year (0 without a row). */
    public Amount poolMoneyIn(int year) {
        return forYear(year).map(YearlyActual::poolMoney).orElse(Amount.ZERO);
    }

    /** Actual gain in the year on the basis (0 without a row). */
    public Amount gainIn(int year, GainBasis basis) {
        return forYear(year).map(a -> a.gain(basis)).orElse(Amount.ZERO);
    }

    /**
     * The year a milestone was achieved, as known at the end of the year: the earliest achieved
     * year reported for the code in rows up to that year, if it is not after that year.
     */
    public Optional<Integer> milestoneAchievedBy(String code, int year) {
        return upTo(year).stream()
                .map(a -> a.milestones().get(code))
                .filter(achieved -> achieved != null && achieved <= year)
                .min(Integer::compare);
    }

    private List<YearlyActual> upTo(int year) {
        return byYear.values().stream().filter(a -> a.year() <= year).toList();
    }
}
