package dk.kk.gevinstspor.domain;

/** Result of one follow-up target for an accounts year. */
public enum TargetStatus {
    MET,
    NOT_MET,
    NOT_DUE,
    MISSING
}
