package dk.kk.gevinstspor.common.database;

/**
 * The service cannot start for a reason the operator can fix. Its message is one line that says what is
 * wrong and what to do; the main method logs it without a stack trace and exits with status 1.
 */
public class StartupFailure extends RuntimeException {

    public StartupFailure(String message) {
        super(message);
    }

    public StartupFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
