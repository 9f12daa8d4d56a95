package dk.kk.gevinstspor.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;

import dk.kk.gevinstspor.common.config.GevinstsporConfig;
import io.agroal.api.AgroalDataSource;

/**
 * Page sessions in the database (table {@code app_session}), shared by every replica: a sign-in opens one, and
 * logout, a password change and disabling the user end it at once, everywhere. The cookie carries a random token
 * of 256 bits; the table keeps only its SHA-256. A session lasts at most {@code gevinstspor.session.lifetime} from
 * sign-in and ends after {@code gevinstspor.session.idle-timeout} without a request; its last use is written at
 * most once a minute (so the idle timeout is exact to the minute), and ended sessions are removed at each sign-in.
 */
@Singleton
public class Sessions {

    public static final String COOKIE = "gevinstspor-session";
    /** How often a session's last use is written at most. */
    static final long TOUCH_SECONDS = 60;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The signed-in user of a living session. */
    public record SessionUser(long userId, String username, Set<String> roles, Set<String> administrations,
            boolean mustChangePassword) {
    }

    private final AgroalDataSource dataSource;
    private final GevinstsporConfig config;

    public Sessions(AgroalDataSource dataSource, GevinstsporConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Opens a session for the user (blocking) and gives the token for its cookie. */
    public String open(String username) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try (Connection c = dataSource.getConnection();
                PreparedStatement expired = c.prepareStatement("DELETE FROM app_session WHERE expires_at <= now()"
                        + " OR last_seen_at <= now() - make_interval(secs => ?)");
                PreparedStatement insert = c.prepareStatement("INSERT INTO app_session (token_hash, user_id, expires_at)"
                        + " SELECT ?, id, now() + make_interval(secs => ?) FROM app_user WHERE username = ?")) {
            expired.setLong(1, config.session().idleTimeout().toSeconds());
            expired.executeUpdate();
            insert.setString(1, hash(token));
            insert.setLong(2, config.session().lifetime().toSeconds());
            insert.setString(3, username);
            if (insert.executeUpdate() != 1) {
                throw new IllegalStateException("No user " + username + " to open a session for");
            }
            return token;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not open a session", e);
        }
    }

    /** The user of a living session of an enabled user (blocking), or empty; notes the use. */
    public Optional<SessionUser> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        String hash = hash(token);
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("""
                        SELECT u.id, u.username, u.roles, u.must_change_password,
                               s.last_seen_at < now() - make_interval(secs => ?),
                               ARRAY(SELECT a.administration_code FROM app_user_administration a WHERE a.user_id = u.id)
                        FROM app_session s JOIN app_user u ON u.id = s.user_id
                        WHERE s.token_hash = ? AND u.enabled AND s.expires_at > now()
                          AND s.last_seen_at > now() - make_interval(secs => ?)""")) {
            select.setLong(1, TOUCH_SECONDS);
            select.setString(2, hash);
            select.setLong(3, config.session().idleTimeout().toSeconds());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Array codes = rs.getArray(6);
                SessionUser user = new SessionUser(rs.getLong(1), rs.getString(2),
                        Set.of(Arrays.stream(rs.getString(3).split(",")).map(String::trim).filter(r -> !r.isEmpty()).distinct()
                                .toArray(String[]::new)),
                        Set.of((String[]) codes.getArray()), rs.getBoolean(4));
                if (rs.getBoolean(5)) {
                    try (PreparedStatement touch = c.prepareStatement("UPDATE app_session SET last_seen_at = now() WHERE token_hash = ?")) {
                        touch.setString(1, hash);
                        touch.executeUpdate();
                    }
                }
                return Optional.of(user);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the session", e);
        }
    }

    /** Ends one session (logout; blocking). */
    public void close(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM app_session WHERE token_hash = ?")) {
            delete.setString(1, hash(token));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not end the session", e);
        }
    }

    /** The number of living sessions of a user (for the admin page and tests). */
    public int count(long userId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT count(*) FROM app_session WHERE user_id = ?"
                        + " AND expires_at > now() AND last_seen_at > now() - make_interval(secs => ?)")) {
            select.setLong(1, userId);
            select.setLong(2, config.session().idleTimeout().toSeconds());
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count sessions", e);
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
