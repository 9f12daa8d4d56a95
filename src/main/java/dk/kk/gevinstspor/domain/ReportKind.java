package dk.kk.gevinstspor.domain;

/** The follow-up reports of seed section 5. */
public enum ReportKind {
    /** Each committee's May report: administration-specific proposals of its administrations. */
    MAJBIDRAG,
    /** ØU / Økonomikredsen: cross-cutting investment proposals. */
    FINANCE_COMMITTEE,
    /** IT-kredsen: digital innovation proposals and pre-analyses. */
    IT_KREDS,
    /** Økonomikredsen, effektiviseringskredsen, Budget- og Regnskabskredsen: innovation proposals and pre-analyses. */
    INNOVATION
}
