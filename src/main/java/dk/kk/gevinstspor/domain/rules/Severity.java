package dk.kk.gevinstspor.domain.rules;

/** How serious a finding is: ERROR refuses the proposal, WARNING must be shown to ØU, INFO informs. */
public enum Severity {
    ERROR,
    WARNING,
    INFO
}
