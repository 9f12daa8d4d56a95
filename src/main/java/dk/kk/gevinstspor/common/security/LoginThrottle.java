package dk.kk.gevinstspor.common.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;

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

    private final AgroalDataSource dataSource;

    public LoginThrottle(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Counts an attempt to sign in as {@code user} from {@code address}, before its password is checked. Returns 0 when
     * the password may be checked, otherwise the seconds until it may be tried again (the attempt is then not counted).
     * Blocking (a database round trip).
     */
    public long attempt(String address, String user) throws SQLException {
        String key = key(address, user);
        // n: this attempt's number in the row (a forgotten count starts again); from the FREE_ATTEMPTS-th on, the attempt
        // itself starts the block, so attempts arriving while it is being checked are refused
        String n = "(CASE WHEN f.last_failure < now() - make_interval(secs => ?) THEN 1 ELSE f.failures + 1 END)";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ensure = c.prepareStatement("INSERT INTO login_failure (attempt, failures, last_failure)"
                        + " VALUES (?, 0, now()) ON CONFLICT (attempt) DO NOTHING");
                PreparedStatement count = c.prepareStatement("UPDATE login_failure f SET failures = " + n
                        + ", last_failure = now(), blocked_until = CASE WHEN " + n + " >= ? THEN now() + make_interval(secs =>"
                        + " least(? * power(2, least(" + n + " - ?, 4)), ?)) END"
                        + " WHERE attempt = ? AND (blocked_until IS NULL OR blocked_until <= now()) RETURNING failures");
                PreparedStatement blocked = c.prepareStatement(
                        "SELECT ceil(extract(epoch FROM blocked_until - now()))::bigint FROM login_failure WHERE attempt = ?")) {
            ensure.setString(1, key);
            ensure.executeUpdate();
            long forgotten = FORGOTTEN_AFTER.toSeconds();
            count.setLong(1, forgotten);
            count.setLong(2, forgotten);
            count.setInt(3, FREE_ATTEMPTS);
            count.setLong(4, FIRST_BLOCK.toSeconds());
            count.setLong(5, forgotten);
            count.setInt(6, FREE_ATTEMPTS);
            count.setLong(7, LONGEST_BLOCK.toSeconds());
            count.setString(8, key);
            try (ResultSet rs = count.executeQuery()) {
                if (rs.next()) {
                    int attempts = rs.getInt(1);
                    if (attempts >= FREE_ATTEMPTS) {
                        LOG.warnf("Login of %s from %s blocked after %d unverified attempts in a row", abbreviate(user), address,
                                attempts);
                    }
                    return 0;
                }
            }
            blocked.setString(1, key);
            try (ResultSet rs = blocked.executeQuery()) {
                return rs.next() ? Math.max(1, rs.getLong(1)) : 1;
            }
        }
    }

    /** A verified sign-in: clears the count of that user name from that address. Blocking. */
    public void verified(String address, String user) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM login_failure WHERE attempt = ?")) {
            delete.setString(1, key(address, user));
            delete.executeUpdate();
        }
    }

    /** A wrong password or unknown user (the attempt is counted already): removes counts forgotten long ago. Blocking. */
    public void failed() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement expire = c.prepareStatement("DELETE FROM login_failure WHERE last_failure < now() - make_interval(secs => ?)")) {
            expire.setLong(1, FORGOTTEN_AFTER.toSeconds());
            expire.executeUpdate();
        }
    }

    /** The row's key: address and user name (cut to fit the column). */
    static String key(String address, String user) {
        return address + "|" + abbreviate(user);
    }

    private static String abbreviate(String user) {
        return user.length() > MAX_USER_NAME ? user.substring(0, MAX_USER_NAME) : user;
    }
}
