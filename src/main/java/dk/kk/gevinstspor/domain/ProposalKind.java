package dk.kk.gevinstspor.domain;

/** What a proposal is: investment proposal, innovation proposal or pre-analysis (foranalyse). */
public enum ProposalKind {
    INVESTMENT,
    INNOVATION,
    PRE_ANALYSIS;

    /** True for the kinds financed by the innovation pool (innovation proposals and pre-analyses). */
    public boolean isInnovationPool() {
        return this != INVESTMENT;
    }
}
