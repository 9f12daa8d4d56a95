package dk.kk.gevinstspor.actuals.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;

import dk.kk.gevinstspor.actuals.ActualField;
import dk.kk.gevinstspor.common.security.Caller;

/**
 * The import's audit step: the history rows Envers would have written for a set-based write (docs/audit.md). One
 * {@code revision} row for the import (its user, now); an {@code actual_aud} row per created (revtype 0) or changed
 * (1) row, in the merge's own statement; and for KPI values and milestone years the elements that go (2) and come (0).
 * Unchanged rows get none.
 */
final class ImportAudit {

    private final long revision;

    private ImportAudit(long revision) {
        this.revision = revision;
    }

    /** Writes the import's revision row (in the import's transaction), for the caller. */
    static ImportAudit begin(Connection connection) throws SQLException {
        return begin(connection, Caller.currentUsername());
    }

    /** Writes the import's revision row (in the import's transaction) for {@code username}. */
    static ImportAudit begin(Connection connection, String username) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO revision (at_millis, username) VALUES (?, ?) RETURNING id")) {
            ps.setLong(1, System.currentTimeMillis());
            ps.setString(2, username);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new ImportAudit(rs.getLong(1));
            }
        }
    }

    /**
     * The statement that audits the rows a merge returned: {@code rows} is a query (a CTE's name) with the columns
     * of {@code actual} and {@code created} (true for an inserted row).
     */
    String actualRows(String rows) {
        String columns = ActualField.columns().stream().map(f -> f.column).collect(Collectors.joining(", "));
        return "INSERT INTO actual_aud (rev, revtype, id, proposal_id, year, " + columns + ") SELECT " + revision
                + ", CASE WHEN created THEN 0 ELSE 1 END, id, proposal_id, year, " + columns + " FROM " + rows;
    }

    /**
     * Audits the elements of a collection (KPI values, milestone years) of the merged rows ({@code done}: their
     * {@code actual_id}s) before they are replaced by the file's ({@code coming}, the same shape as the element
     * table): what goes as removed (2), what comes as added (0); elements that stay get nothing.
     */
    void elements(Statement s, ActualField collection, String done, String coming) throws SQLException {
        String table = collection.table;
        String value = collection.valueColumn;
        s.execute("INSERT INTO " + table + "_aud (rev, revtype, actual_id, code, " + value + ") SELECT " + revision + ", 2, o.actual_id,"
                + " o.code, o." + value + " FROM " + table + " o JOIN " + done + " d ON d.actual_id = o.actual_id WHERE NOT EXISTS"
                + " (SELECT 1 FROM " + coming + " n WHERE n.actual_id = o.actual_id AND n.code = o.code AND n." + value + " = o." + value + ")");
        s.execute("INSERT INTO " + table + "_aud (rev, revtype, actual_id, code, " + value + ") SELECT " + revision + ", 0, n.actual_id,"
                + " n.code, n." + value + " FROM " + coming + " n WHERE NOT EXISTS (SELECT 1 FROM " + table + " o"
                + " WHERE o.actual_id = n.actual_id AND o.code = n.code AND o." + value + " = n." + value + ")");
    }

    /** The import's line in {@code import_log} (the admins' start page lists the latest), in the import's transaction. */
    static void log(Connection connection, String username, long rows, ImportCounts counts) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO import_log (username, rows, created, updated, unchanged) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, username);
            ps.setLong(2, rows);
            ps.setLong(3, counts.created());
            ps.setLong(4, counts.updated());
            ps.setLong(5, counts.unchanged());
            ps.executeUpdate();
        }
    }
}
