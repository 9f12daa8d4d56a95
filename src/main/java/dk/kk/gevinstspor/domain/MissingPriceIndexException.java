package dk.kk.gevinstspor.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A price conversion needs the index of years that a non-empty price index table lacks (DOMAIN.md, Edges 10). It
 * names every missing year at once, ascending, so that all of them can be added in one go.
 */
public class MissingPriceIndexException extends RuntimeException {

    private final SortedSet<Integer> years;

    /** @param years the missing years; at least one */
    public MissingPriceIndexException(Collection<Integer> years) {
        super(message(years));
        this.years = Collections.unmodifiableSortedSet(new TreeSet<>(years));
    }

    /** Every missing year, ascending; never empty. */
    public SortedSet<Integer> years() {
        return years;
    }

    private static String message(Collection<Integer> years) {
        if (years.isEmpty()) {
            throw new IllegalArgumentException("A missing price index names at least one year");
        }
        List<String> sorted = new TreeSet<>(years).stream().map(String::valueOf).toList();
        return "Prisindekset mangler " + (sorted.size() == 1 ? "året " : "årene ") + danishList(sorted);
    }

    /** "2023", "2023 og 2024", "2023, 2024 og 2025". */
    static String danishList(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " og " + items.get(items.size() - 1);
    }
}
