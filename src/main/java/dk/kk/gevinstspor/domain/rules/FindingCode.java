package dk.kk.gevinstspor.domain.rules;

/** The stable finding codes of DOMAIN.md with their severity. */
public enum FindingCode {
    PAYBACK_OVER_6(Severity.WARNING),
    NO_PERMANENT_EFFICIENCY(Severity.ERROR),
    NO_FOLLOW_UP_TARGET(Severity.ERROR),
    POOL_FUNDS_PERMANENT_OPERATION(Severity.ERROR),
    BASE_INVESTMENT_OPERATION_OVER_3(Severity.ERROR),
    BASE_INVESTMENT_NO_DEPENDENTS(Severity.ERROR),
    TRANSFERS_NEEDS_ANALYSIS(Severity.WARNING),
    INNOVATION_OVER_2M(Severity.ERROR),
    PRE_ANALYSIS_OVER_1M(Severity.ERROR),
    PRE_ANALYSIS_FINANCING(Severity.ERROR),
    INNOVATION_NO_INVESTMENT_DATE(Severity.WARNING),
    LOAN_SCHEDULE_SUM(Severity.ERROR),
    LOAN_OVER_6_YEARS(Severity.ERROR),
    ASSESSMENT_MISSING(Severity.WARNING),
    FRAME_EXCEEDED(Severity.WARNING);

    private final Severity severity;

    FindingCode(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
