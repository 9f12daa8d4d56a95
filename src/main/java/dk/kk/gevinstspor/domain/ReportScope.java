package dk.kk.gevinstspor.domain;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which report is asked for: its kind and meeting year R (covering accounts year R − 1), the committee for a
 * majbidrag (with the administration → committee mapping), and an optional digital filter for the
 * innovation report.
 */
public record ReportScope(ReportKind kind, int meetingYear, String committee, Map<String, String> committeeOf,
                          Optional<Boolean> digital) {

    public ReportScope {
        Objects.requireNonNull(kind, "kind");
        FiscalYear.check(meetingYear);
        if (kind == ReportKind.MAJBIDRAG && (committee == null || committeeOf == null)) {
            throw new IllegalArgumentException("Et majbidrag skal have et udvalg og forvaltningernes udvalg");
        }
        committeeOf = committeeOf == null ? Map.of() : Map.copyOf(committeeOf);
        digital = digital == null ? Optional.empty() : digital;
    }

    public static ReportScope majbidrag(int meetingYear, String committee, Map<String, String> committeeOf) {
        return new ReportScope(ReportKind.MAJBIDRAG, meetingYear, committee, committeeOf, Optional.empty());
    }

    public static ReportScope financeCommittee(int meetingYear) {
        return new ReportScope(ReportKind.FINANCE_COMMITTEE, meetingYear, null, null, Optional.empty());
    }

    public static ReportScope itKreds(int meetingYear) {
        return new ReportScope(ReportKind.IT_KREDS, meetingYear, null, null, Optional.empty());
    }

    public static ReportScope innovation(int meetingYear, Optional<Boolean> digital) {
        return new ReportScope(ReportKind.INNOVATION, meetingYear, null, null, digital);
    }

    /** The accounts year covered: R − 1. */
    public int accountsYear() {
        return meetingYear - 1;
    }
}
