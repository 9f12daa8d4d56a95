package dk.kk.gevinstspor.domain;

/** The yearly round a proposal was adopted in: the budget negotiations or the transfer case. */
public enum AdoptionRound {
    BUDGET,
    TRANSFER_CASE
}
