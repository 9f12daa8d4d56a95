package dk.kk.gevinstspor.report;

import jakarta.enterprise.context.ApplicationScoped;

import dk.kk.gevinstspor.domain.PriceIndex;

/** The price index the reports convert with (DOMAIN.md, Money: price levels). */
@ApplicationScoped
public class PriceLevels {

    /** The stored index; an empty table means factor 1. */
    public PriceIndex index() {
        return PriceIndex.empty();
    }
}
