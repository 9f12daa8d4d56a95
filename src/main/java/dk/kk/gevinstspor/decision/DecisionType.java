package dk.kk.gevinstspor.decision;

/** The kinds of change decision of seed section 6 (DOMAIN.md, Changes after adoption). */
public enum DecisionType {
    /** A significant deviation in amounts from the appropriation (væsentlige beløbsmæssige afvigelser). */
    AMOUNT_DEVIATION,
    /** A significant change of the assumptions, with or without changed amounts (ændrede forudsætninger). */
    ASSUMPTION_CHANGE,
    /** A reallocation between appropriations, in one committee or between committees (omplaceringer). */
    REALLOCATION,
    /** Cancellation (annullering): follow-up ends after the effective year, remaining pool money returns. */
    CANCELLATION
}
