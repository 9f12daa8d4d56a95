package dk.kk.gevinstspor.common.security;

import java.sql.SQLException;
import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

/**
 * Slows down password guessing, for HTTP Basic and the login form alike ({@link PasswordCheckCache} calls it for every
 * password it must check). The count is kept per client address ({@link ClientAddress}) <em>and</em> user name, and an
 * attempt is counted <em>before</em> its password is checked: the {@value #FREE_ATTEMPTS}th unverified attempt in a
 * row starts a block of 1 minute, and while a block runs further attempts are refused (429) without being checked, so a
 * parallel burst of guesses is stopped after {@value #FREE_ATTEMPTS} checks. Each further attempt after a block ends
 * doubles the next block, up to 15 minutes. Only a verified sign-in of that user name from that address clears the
 * count; a count without attempts for a day is forgotten. The counts live in the database (table {@code login_failure}),
 * so every replica throttles the same guesser; each check of a password costs one update by primary key, and a
 * verified one a delete (a password checked in the last minute is remembered and costs neither).
 */
@Singleton
public class LoginThrottle {

    static final int FREE_ATTEMPTS = 5;
    static final Duration FIRST_BLOCK = Duration.ofMinutes(1);
    static final Duration LONGEST_BLOCK = Duration.ofMinutes(15);
    /** A count without attempts for this long starts again; rows that old are removed. */
    static final Duration FORGOTTEN_AFTER = Duration.ofDays(1);
    private static final int MAX_USER_NAME = 300;
    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);

    @Inject
    LoginFailureRepository failures;

    /**
     * Counts an attempt to sign in as {@code user} from {@code address}, before its password is checked. Returns 0 when
     * the password may be checked, otherwise the seconds until it may be tried again (the attempt is then not counted).
     * Blocking (a database round trip).
     */
    public long attempt(String address, String user) throws SQLException {
        long counted = failures.count(key(address, user), FREE_ATTEMPTS, FIRST_BLOCK, LONGEST_BLOCK, FORGOTTEN_AFTER);
        if (counted >= FREE_ATTEMPTS) {
            LOG.warnf("Login of %s from %s blocked after %d unverified attempts in a row", abbreviate(user), address, counted);
        }
        return counted < 0 ? -counted : 0;
    }

    /** A verified sign-in: clears the count of that user name from that address. Blocking. */
    public void verified(String address, String user) throws SQLException {
        failures.clear(key(address, user));
    }

    /** A wrong password or unknown user (the attempt is counted already): removes counts forgotten long ago. Blocking. */
    public void failed() throws SQLException {
        failures.expire(FORGOTTEN_AFTER);
    }

    /** The row's key: address and user name (cut to fit the column). */
    static String key(String address, String user) {
        return address + "|" + abbreviate(user);
    }

    private static String abbreviate(String user) {
        return user.length() > MAX_USER_NAME ? user.substring(0, MAX_USER_NAME) : user;
    }
}
