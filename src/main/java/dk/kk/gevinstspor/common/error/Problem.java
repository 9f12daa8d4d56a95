package dk.kk.gevinstspor.common.error;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}), with the validation {@code errors} of API.md.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<Error> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One thing wrong with a request: a field, or a row and column of an imported file (with the row's proposal:
     * its {@code reference} and {@code title}, when the row names one).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String field, Integer row, String column, String code, String message, String reference, String title) {

        public Error(String field, Integer row, String column, String code, String message) {
            this(field, row, column, code, message, null, null);
        }

        /** This error of a file's row, naming the row's proposal. */
        public Error naming(String reference, String title) {
            return new Error(field, row, column, code, message, reference, title);
        }
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null);
    }
}
