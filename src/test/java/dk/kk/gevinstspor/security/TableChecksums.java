package dk.kk.gevinstspor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

/** A checksum of every row of every table, per table: equal before and after means nothing changed. */
final class TableChecksums {

    private TableChecksums() {
    }

    /** Row count and md5 of every row (ordered by its text) of each table in {@code public} but the sign-in's bookkeeping (sessions, failed attempts). */
    static Map<String, String> of(DataSource dataSource) throws SQLException {
        Map<String, String> sums = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                    // the sign-in's bookkeeping, not data: a request with a session notes its use at most once a minute,
                    // and a remembered password check renewed in the background (PasswordCheckCache) clears or counts
                    // its user's failed attempts whenever it happens to run (LoginThrottleTest tests those counts)
                    + " AND table_name NOT IN ('app_session', 'login_failure')")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '')"
                        + " FROM \"" + table + "\" t")) {
                    rs.next();
                    sums.put(table, rs.getString(1));
                }
            }
        }
        assertThat(sums).as("tables in the test database").containsKey("proposal");
        return sums;
    }
}
