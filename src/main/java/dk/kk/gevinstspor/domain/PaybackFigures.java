package dk.kk.gevinstspor.domain;

/** The payback figures of a plan: on service, on the total economy, and the simple figure on service. */
public record PaybackFigures(Payback service, Payback total, Payback simpleService) {

    /** The payback on the basis that counts for the proposal (the six-year test). */
    public Payback on(GainBasis basis) {
        return switch (basis) {
            case SERVICE -> service;
            case TOTAL -> total;
        };
    }
}
