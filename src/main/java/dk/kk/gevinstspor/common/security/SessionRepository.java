package dk.kk.gevinstspor.common.security;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dk.kk.gevinstspor.common.security.Sessions.SessionUser;
import io.agroal.api.AgroalDataSource;

/**
 * The table {@code app_session} (V11), by the SHA-256 of a session's token ({@link Sessions} decides tokens, lifetimes
 * and when a use is noted). Each call is one connection of its own, outside any transaction: a sign-in must stay
 * signed in even when the request's own work rolls back.
 */
@Singleton
public class SessionRepository {

    @Inject
    AgroalDataSource dataSource;

    /** Removes ended sessions and stores a new one of the named user; false when there is no such user. */
    boolean open(String hash, String username, long lifetimeSeconds, long idleSeconds) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement expired = c.prepareStatement("DELETE FROM app_session WHERE expires_at <= now()"
                        + " OR last_seen_at <= now() - make_interval(secs => ?)");
                PreparedStatement insert = c.prepareStatement("INSERT INTO app_session (token_hash, user_id, expires_at)"
                        + " SELECT ?, id, now() + make_interval(secs => ?) FROM app_user WHERE username = ?")) {
            expired.setLong(1, idleSeconds);
            expired.executeUpdate();
            insert.setString(1, hash);
            insert.setLong(2, lifetimeSeconds);
            insert.setString(3, username);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not open a session", e);
        }
    }

    /**
     * The user of a living session of an enabled user, or empty; writes the session's last use when it is older than
     * {@code touchSeconds}.
     */
    Optional<SessionUser> find(String hash, long idleSeconds, long touchSeconds) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("""
                        SELECT u.id, u.username, u.roles, u.must_change_password,
                               s.last_seen_at < now() - make_interval(secs => ?),
                               ARRAY(SELECT a.administration_code FROM app_user_administration a WHERE a.user_id = u.id)
                        FROM app_session s JOIN app_user u ON u.id = s.user_id
                        WHERE s.token_hash = ? AND u.enabled AND s.expires_at > now()
                          AND s.last_seen_at > now() - make_interval(secs => ?)""")) {
            select.setLong(1, touchSeconds);
            select.setString(2, hash);
            select.setLong(3, idleSeconds);
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

    void close(String hash) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM app_session WHERE token_hash = ?")) {
            delete.setString(1, hash);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not end the session", e);
        }
    }

    int count(long userId, long idleSeconds) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT count(*) FROM app_session WHERE user_id = ?"
                        + " AND expires_at > now() AND last_seen_at > now() - make_interval(secs => ?)")) {
            select.setLong(1, userId);
            select.setLong(2, idleSeconds);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count sessions", e);
        }
    }
}
