package dk.kk.gevinstspor.common.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.agroal.api.AgroalDataSource;

/**
 * The table {@code login_failure}: one row per client address and user name ({@link LoginThrottle} decides the key and
 * the rule). Each call is one connection of its own, outside any transaction, so a count stays when the request fails.
 */
@Singleton
public class LoginFailureRepository {

    @Inject
    AgroalDataSource dataSource;

    /**
     * Counts an attempt under the rule: the {@code free}th attempt in a row (a count older than {@code forgotten}
     * starts again) starts a block of {@code firstBlock}, doubled by each further one up to {@code longestBlock}; while a
     * block runs the attempt is not counted. Returns the attempt's number in the row, or the negative seconds the block
     * still runs.
     */
    long count(String key, int free, Duration firstBlock, Duration longestBlock, Duration forgotten) throws SQLException {
        // n: this attempt's number in the row (a forgotten count starts again); from the free-th on, the attempt itself
        // starts the block, so attempts arriving while it is being checked are refused
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
            count.setLong(1, forgotten.toSeconds());
            count.setLong(2, forgotten.toSeconds());
            count.setInt(3, free);
            count.setLong(4, firstBlock.toSeconds());
            count.setLong(5, forgotten.toSeconds());
            count.setInt(6, free);
            count.setLong(7, longestBlock.toSeconds());
            count.setString(8, key);
            try (ResultSet rs = count.executeQuery()) {
                if (rs.next()) {
                    return rs.getInt(1);
                }
            }
            blocked.setString(1, key);
            try (ResultSet rs = blocked.executeQuery()) {
                return -(rs.next() ? Math.max(1, rs.getLong(1)) : 1);
            }
        }
    }

    /** Clears the count of the key. */
    void clear(String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM login_failure WHERE attempt = ?")) {
            delete.setString(1, key);
            delete.executeUpdate();
        }
    }

    /** Removes the counts without attempts for longer than {@code forgotten}. */
    void expire(Duration forgotten) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement expire = c.prepareStatement("DELETE FROM login_failure WHERE last_failure < now() - make_interval(secs => ?)")) {
            expire.setLong(1, forgotten.toSeconds());
            expire.executeUpdate();
        }
    }
}
