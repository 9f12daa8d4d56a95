package dk.kk.gevinstspor.domain;

/** Overall follow-up status of a proposal for an accounts year. */
public enum FollowUpStatus {
    NOT_STARTED,
    MISSING,
    GREEN,
    AMBER,
    RED
}
