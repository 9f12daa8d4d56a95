package dk.kk.gevinstspor.domain;

/**
 * A calendar (= fiscal) year of the municipality. The domain's records keep years as {@code int}
 * for arithmetic and check them with {@link #of(int)}, which refuses years outside 1900–2999.
 */
public record FiscalYear(int value) implements Comparable<FiscalYear> {

    public static final int MIN = 1900;
    public static final int MAX = 2999;

    public FiscalYear {
        if (value < MIN || value > MAX) {
            throw new IllegalArgumentException("Ugyldigt år: " + value);
        }
    }

    public static FiscalYear of(int value) {
        return new FiscalYear(value);
    }

    /** Checks a year and returns it unchanged. */
    public static int check(int value) {
        return of(value).value();
    }

    public FiscalYear next() {
        return new FiscalYear(value + 1);
    }

    public FiscalYear previous() {
        return new FiscalYear(value - 1);
    }

    @Override
    public int compareTo(FiscalYear other) {
        return Integer.compare(value, other.value);
    }
}
