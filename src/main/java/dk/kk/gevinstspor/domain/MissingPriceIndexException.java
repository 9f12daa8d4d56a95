package dk.kk.gevinstspor.domain;

/** A price conversion needs an index for a year that a non-empty price index table lacks. */
public class MissingPriceIndexException extends RuntimeException {

    private final int year;

    public MissingPriceIndexException(int year) {
        super("Prisindekset mangler året " + year);
        this.year = year;
    }

    public int year() {
        return year;
    }
}
