package dk.kk.gevinstspor.domain;

/** Kind of follow-up target. */
public enum TargetType {
    ECONOMIC,
    MILESTONE,
    KPI
}
