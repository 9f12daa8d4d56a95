package dk.kk.gevinstspor.domain;

/** The price and wage level (P/L) amounts are stated in, named by its year ("2026-P/L"). */
public record PriceLevel(int year) {

    public PriceLevel {
        FiscalYear.check(year);
    }

    public static PriceLevel of(int year) {
        return new PriceLevel(year);
    }
}
