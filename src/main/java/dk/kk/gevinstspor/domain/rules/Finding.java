package dk.kk.gevinstspor.domain.rules;

import java.util.Objects;

/** A rule's finding on a proposal: stable code, severity (from the code) and a Danish message. */
public record Finding(FindingCode code, Severity severity, String message) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
    }

    public static Finding of(FindingCode code, String message) {
        return new Finding(code, code.severity(), message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
