package dk.kk.gevinstspor.common.security;

import java.util.Map;
import java.util.OptionalLong;

import io.quarkus.security.AuthenticationFailedException;

/**
 * A sign-in refused by {@link LoginThrottle} without checking its password: an {@link AuthenticationFailedException}
 * (Quarkus' own, which is final) carrying the seconds until the next try, so that whatever does not know it treats it as
 * a failed sign-in, never as a success; {@code common.error.ProblemMapper} answers it 429 with {@code Retry-After}.
 */
public final class LoginThrottled {

    static final String RETRY_AFTER = "gevinstspor.login-throttle.retry-after-seconds";

    private LoginThrottled() {
    }

    static AuthenticationFailedException exception(long retryAfterSeconds) {
        return new AuthenticationFailedException("Too many failed sign-ins; try again in " + retryAfterSeconds + " seconds",
                Map.of(RETRY_AFTER, retryAfterSeconds));
    }

    /** The seconds until the next try, if this failure is a refusal by the throttle. */
    public static OptionalLong retryAfter(Throwable failure) {
        if (failure instanceof AuthenticationFailedException failed && failed.getAttribute(RETRY_AFTER) instanceof Long seconds) {
            return OptionalLong.of(seconds);
        }
        return OptionalLong.empty();
    }
}
