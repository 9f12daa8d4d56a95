package dk.kk.gevinstspor.domain;

/** One validation error: the field (e.g. {@code plan[1].investment}), a stable code and a Danish message. */
public record ValidationError(String field, String code, String message) {
}
