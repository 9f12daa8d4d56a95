package dk.kk.gevinstspor.common.error;

import java.util.List;

/** A refusal the client can act on; {@link ProblemMapper} turns it into problem+json with its status. */
public class ApiException extends RuntimeException {

    private final Problem problem;

    public ApiException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ApiException notFound(String detail) {
        return new ApiException(Problem.of(404, "Not Found", detail));
    }

    /** A duplicate, or a write carrying a stale or missing {@code version}. */
    public static ApiException conflict(String detail) {
        return new ApiException(Problem.of(409, "Conflict", detail));
    }

    /** Well-formed but invalid: every error with its code. */
    public static ApiException unprocessable(String detail, List<Problem.Error> errors) {
        return new ApiException(new Problem("about:blank", "Unprocessable Content", 422, detail, List.copyOf(errors)));
    }
}
