package dk.kk.gevinstspor.domain;

/** Whether a KPI is better when higher or when lower. */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER
}
