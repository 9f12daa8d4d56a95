package dk.kk.gevinstspor.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The year's headline figures of the portfolio under follow-up (the start page): how many proposals are followed up
 * in the accounts year, by status, and the year's planned and actual gain summed in one price level (the meeting
 * year's, as the reports show it) with the realisation of the sums ({@link Ratio#between}: Σ actual ÷ Σ planned).
 * It is built from sums per price level and status ({@link Group}): an amount's conversion is linear, so the sum of a
 * price level converted once equals the sum of its proposals converted one by one up to the øre each conversion
 * rounds. Without the index of a needed year the amounts are absent and the missing years named (DOMAIN.md Edges 10).
 */
public record PortfolioHeadline(int accountsYear, int priceLevelYear, Map<FollowUpStatus, Long> statuses,
        Optional<Amount> plannedGain, Optional<Amount> actualGain, SortedSet<Integer> missingPriceIndexYears) {

    /** The proposals of one price level year and status: how many, and their planned and actual gain of the year. */
    public record Group(int priceLevelYear, FollowUpStatus status, long proposals, Amount plannedGain, Amount actualGain) {
    }

    public PortfolioHeadline {
        statuses = Collections.unmodifiableMap(statuses.isEmpty() ? new EnumMap<>(FollowUpStatus.class) : new EnumMap<>(statuses));
        missingPriceIndexYears = Collections.unmodifiableSortedSet(new TreeSet<>(missingPriceIndexYears));
    }

    /** Sums the groups of the accounts year into {@code priceLevelYear}'s price level with the index. */
    public static PortfolioHeadline of(int accountsYear, int priceLevelYear, List<Group> groups, PriceIndex index) {
        Map<FollowUpStatus, Long> statuses = new EnumMap<>(FollowUpStatus.class);
        SortedSet<Integer> needed = new TreeSet<>();
        needed.add(priceLevelYear);
        for (Group g : groups) {
            statuses.merge(g.status(), g.proposals(), Long::sum);
            needed.add(g.priceLevelYear());
        }
        SortedSet<Integer> missing = groups.isEmpty() ? new TreeSet<>() : index.missingYears(needed);
        if (!missing.isEmpty()) {
            return new PortfolioHeadline(accountsYear, priceLevelYear, statuses, Optional.empty(), Optional.empty(), missing);
        }
        Amount planned = Amount.ZERO;
        Amount actual = Amount.ZERO;
        for (Group g : groups) {
            planned = planned.plus(index.convert(g.plannedGain(), g.priceLevelYear(), priceLevelYear));
            actual = actual.plus(index.convert(g.actualGain(), g.priceLevelYear(), priceLevelYear));
        }
        return new PortfolioHeadline(accountsYear, priceLevelYear, statuses, Optional.of(planned), Optional.of(actual), missing);
    }

    /** How many proposals are followed up in the accounts year (every status). */
    public long followedUp() {
        return statuses.values().stream().mapToLong(Long::longValue).sum();
    }

    /** How many proposals have the status (0 when none). */
    public long count(FollowUpStatus status) {
        return statuses.getOrDefault(status, 0L);
    }

    /** Σ actual ÷ Σ planned gain of the year; empty without amounts or when nothing was planned. */
    public Optional<Ratio> realisation() {
        return plannedGain.flatMap(planned -> actualGain.flatMap(actual -> Ratio.between(actual, planned)));
    }
}
