package dk.kk.gevinstspor.domain;

/** The innovation pool's frames per adoption year (seed: "Innovationspuljen"). */
public enum Frame {
    TRANSFER_CASE,
    BUDGET,
    PRE_ANALYSIS_ADMINISTRATION,
    PRE_ANALYSIS_CROSS_CUTTING,
    TOTAL
}
