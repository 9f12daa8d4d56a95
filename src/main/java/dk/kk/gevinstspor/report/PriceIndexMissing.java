package dk.kk.gevinstspor.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dk.kk.gevinstspor.common.error.ApiException;
import dk.kk.gevinstspor.common.error.Problem;

/**
 * A report refused because the price index lacks years it needs (DOMAIN.md Edges 10): 422 with one
 * {@code PRICE_INDEX_MISSING} error per missing year, all at once. The report pages show the same list
 * ({@link #years()}).
 */
public class PriceIndexMissing extends ApiException {

    public static final String CODE = "PRICE_INDEX_MISSING";

    private final SortedSet<Integer> years;

    /**
     * @param missing every missing year
     * @param targetYear the report's price level year
     * @param proposalsByYear how many of the report's proposals are stated in each price level year
     */
    public PriceIndexMissing(SortedSet<Integer> missing, int targetYear, Map<Integer, Integer> proposalsByYear) {
        super(problem(missing, targetYear, proposalsByYear));
        this.years = Collections.unmodifiableSortedSet(new TreeSet<>(missing));
    }

    /** Every missing year, ascending. */
    public SortedSet<Integer> years() {
        return years;
    }

    private static Problem problem(SortedSet<Integer> missing, int targetYear, Map<Integer, Integer> proposalsByYear) {
        List<Problem.Error> errors = new ArrayList<>();
        for (int year : missing) {
            List<String> uses = new ArrayList<>();
            if (year == targetYear) {
                uses.add("rapportens prisniveau");
            }
            int proposals = proposalsByYear.getOrDefault(year, 0);
            if (proposals > 0) {
                uses.add(proposals == 1 ? "prisniveauet for 1 af rapportens forslag" : "prisniveauet for " + proposals + " af rapportens forslag");
            }
            errors.add(new Problem.Error("priceIndex." + year, null, null, CODE,
                    "Pristallet for " + year + " mangler" + (uses.isEmpty() ? "" : " (" + String.join(" og ", uses) + ")")));
        }
        String list = missing.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return new Problem("about:blank", "Unprocessable Content", 422, "The price index has no value for " + list
                + "; add " + (missing.size() == 1 ? "it" : "each") + " with PUT /api/price-index/{year}.", errors);
    }

    /** How many proposals have each price level year. */
    static SortedMap<Integer, Integer> count(List<Integer> priceLevelYears) {
        SortedMap<Integer, Integer> counts = new TreeMap<>();
        priceLevelYears.forEach(y -> counts.merge(y, 1, Integer::sum));
        return counts;
    }
}
