package dk.kk.gevinstspor.actuals.imports;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dk.kk.gevinstspor.actuals.ActualField;

/**
 * The write step's second half: the staged rows ({@link StagingTable}) merged into {@code actual} by set-based SQL,
 * with their audit ({@link ImportAudit}) in the same transaction. A row is unchanged when it equals what is stored
 * in every {@link ActualField} compared (the same list the form's {@code ActualsService} compares); unchanged rows
 * are not touched and keep their version; the versions of changed rows move. A blank cell changes nothing stored
 * (DOMAIN.md Edges 11): a blank amount is the stored one ({@link #fillBlanks}; 0 for a new row), a blank explanation
 * the stored one ({@code coalesce} in the statements), and a row's KPI values and milestone years are the stored ones
 * with the file's given codes put over them.
 */
final class ImportMerge {

    private static final String STAGED = StagingTable.NAME;
    /** The columns of {@code actual} an import writes. */
    private static final String UPSERT_COLUMNS = "proposal_id, year, " + join(ActualField.columns(), f -> f.column);
    /** The staged values of those columns: a blank amount left after {@link #fillBlanks} is a new row's, so 0. */
    private static final String STAGED_VALUES = "proposal_id, year, "
            + join(ActualField.columns(), f -> f == ActualField.EXPLANATION ? f.column : "coalesce(" + f.column + ", 0)");
    private static final String ON_CONFLICT = " ON CONFLICT (proposal_id, year) DO UPDATE SET "
            + join(ActualField.columns(), f -> f.column + " = " + given(f, "a", "EXCLUDED")) + ", updated_at = now(), version = a.version + 1";
    private static final String RETURNING = " RETURNING a.id, a.proposal_id, a.year, "
            + join(ActualField.columns(), f -> "a." + f.column) + ", (xmax = 0) AS created";

    private ImportMerge() {
    }

    /**
     * The fields compared for a file: the columns of {@code actual} always, KPI values and milestone years when the
     * file has their columns (without them the stored ones stay as they are).
     */
    static List<ActualField> compared(ImportReader.FileRead file) {
        List<ActualField> fields = new ArrayList<>(ActualField.columns());
        if (file.withKpis()) {
            fields.add(ActualField.KPIS);
        }
        if (file.withMilestones()) {
            fields.add(ActualField.MILESTONES);
        }
        return fields;
    }

    /**
     * SQL: the value a column of {@code actual} gets from the file's row {@code given} over the stored row {@code stored}:
     * the given one; for the explanation, the stored one when the cell was blank (NULL). (Amounts are filled before.)
     */
    static String given(ActualField f, String stored, String given) {
        return f == ActualField.EXPLANATION ? "coalesce(" + given + "." + f.column + ", " + stored + "." + f.column + ")"
                : given + "." + f.column;
    }

    /**
     * SQL: the stored row {@code stored} (an alias of {@code actual}) differs from the file's row {@code given} (the
     * staging table, or {@code EXCLUDED}) in a compared field; a collection differs when its stored elements, as a JSON
     * object, do not contain the file's given ones (a blank KPI cell is not in the file's object: it changes nothing).
     */
    static String changed(List<ActualField> fields, String stored, String given) {
        List<ActualField> columns = fields.stream().filter(f -> !f.isCollection()).toList();
        StringBuilder sql = new StringBuilder("((").append(join(columns, f -> stored + "." + f.column)).append(") IS DISTINCT FROM (")
                .append(join(columns, f -> given(f, stored, given))).append(")");
        for (ActualField f : fields) {
            if (f.isCollection()) {
                sql.append(" OR NOT (SELECT coalesce(jsonb_object_agg(e.code, e.").append(f.valueColumn).append("), '{}') FROM ")
                        .append(f.table).append(" e WHERE e.actual_id = ").append(stored).append(".id) @> ").append(given).append('.')
                        .append(f.column);
            }
        }
        return sql.append(')').toString();
    }

    /**
     * Fills the staged rows' blank amounts (NULL) with the stored row's, one statement for the rows that have any;
     * what stays NULL is a new row's blank amount, 0 when merged.
     */
    static void fillBlanks(Connection connection) throws SQLException {
        List<ActualField> amounts = ActualField.columns().stream().filter(f -> f != ActualField.EXPLANATION).toList();
        try (Statement s = connection.createStatement()) {
            s.execute("UPDATE " + STAGED + " i SET " + join(amounts, f -> f.column + " = coalesce(i." + f.column + ", a." + f.column + ")")
                    + " FROM actual a WHERE a.proposal_id = i.proposal_id AND a.year = i.year AND NOT i.blank_row AND ("
                    + amounts.stream().map(f -> "i." + f.column + " IS NULL").collect(Collectors.joining(" OR ")) + ")");
        }
    }

    /**
     * The common case, a file without KPI or milestone columns, in one statement per chunk of staged rows
     * ({@link ImportWriter}): insert new rows, update rows whose values differ (their version moves), leave equal rows
     * alone, and write the audit rows of those that changed. Returns the rows created and updated.
     */
    static long[] merge(Connection connection, ImportAudit audit) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("WITH upserted AS (INSERT INTO actual AS a (" + UPSERT_COLUMNS + ", updated_at, version)"
                        + " SELECT " + STAGED_VALUES + ", now(), 0 FROM " + STAGED + " i WHERE NOT blank_row" + ON_CONFLICT
                        + " WHERE " + changed(ActualField.columns(), "a", "EXCLUDED") + RETURNING + "),"
                        + " audited AS (" + audit.actualRows("upserted") + " RETURNING revtype)"
                        + " SELECT count(*) FILTER (WHERE revtype = 0), count(*) FILTER (WHERE revtype = 1) FROM audited")) {
            rs.next();
            return new long[] { rs.getLong(1), rs.getLong(2) };
        }
    }

    /**
     * Marks each staged row as new (C), changed (U) or unchanged (N) against what is stored, in {@code import_change}
     * (with the values the row will have: blank cells filled); returns the counts.
     */
    static ImportCounts compare(Connection connection, ImportReader.FileRead file) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TEMP TABLE import_change ON COMMIT DROP AS SELECT i.row_no, i.proposal_id, i.year, "
                    + join(ActualField.columns(), f -> f == ActualField.EXPLANATION ? given(f, "a", "i") + " AS " + f.column
                            : "coalesce(i." + f.column + ", 0) AS " + f.column)
                    + ", i.kpis, i.milestones, a.id AS actual_id,"
                    + " CASE WHEN i.blank_row THEN 'N' WHEN a.id IS NULL THEN 'C' WHEN " + changed(compared(file), "a", "i") + " THEN 'U' ELSE 'N' END AS action"
                    + " FROM " + STAGED + " i LEFT JOIN actual a ON a.proposal_id = i.proposal_id AND a.year = i.year");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE action = 'C'), count(*) FILTER (WHERE action = 'U'),"
                    + " count(*) FILTER (WHERE action = 'N') FROM import_change")) {
                rs.next();
                return new ImportCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        }
    }

    /**
     * After {@link #compare}, for a file with KPI or milestone columns (or an import that lists its changes): stores
     * the new and changed rows (versions move), puts the file's KPI values and milestone years over theirs, and audits
     * what goes and what comes.
     */
    static void mergeCompared(Connection connection, ImportReader.FileRead file) throws SQLException {
        ImportAudit audit = ImportAudit.begin(connection);
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TEMP TABLE import_done (actual_id bigint PRIMARY KEY, created boolean, kpis jsonb, milestones jsonb) ON COMMIT DROP");
            s.execute("WITH upserted AS (INSERT INTO actual AS a (" + UPSERT_COLUMNS + ", updated_at, version)"
                    + " SELECT " + UPSERT_COLUMNS + ", now(), 0 FROM import_change WHERE action <> 'N'" + ON_CONFLICT + RETURNING + "),"
                    + " audited AS (" + audit.actualRows("upserted") + ")"
                    + " INSERT INTO import_done SELECT u.id, u.created, c.kpis, c.milestones FROM upserted u"
                    + " JOIN import_change c ON c.proposal_id = u.proposal_id AND c.year = u.year");
            for (ActualField f : compared(file)) {
                if (f.isCollection()) {
                    replaceElements(s, f, audit);
                }
            }
        }
    }

    /**
     * The merged rows' elements of a collection become the stored ones with the file's given codes put over them
     * (a code the file leaves blank stays): audit what goes and what comes, then replace.
     */
    private static void replaceElements(Statement s, ActualField collection, ImportAudit audit) throws SQLException {
        String table = collection.table;
        String value = collection.valueColumn;
        String coming = table.replace("actual_", "import_");
        String type = collection == ActualField.KPIS ? "numeric" : "integer";
        s.execute("CREATE TEMP TABLE " + coming + " ON COMMIT DROP AS SELECT d.actual_id, e.key AS code, e.value::text::" + type
                + " AS " + value + " FROM import_done d CROSS JOIN jsonb_each(d." + collection.column + ") e"
                + " UNION ALL SELECT o.actual_id, o.code, o." + value + " FROM " + table + " o JOIN import_done d ON d.actual_id = o.actual_id"
                + " WHERE d." + collection.column + " -> o.code IS NULL");
        audit.elements(s, collection, "import_done", coming);
        s.execute("DELETE FROM " + table + " o USING import_done d WHERE o.actual_id = d.actual_id AND NOT EXISTS (SELECT 1"
                + " FROM " + coming + " n WHERE n.actual_id = o.actual_id AND n.code = o.code AND n." + value + " = o." + value + ")");
        s.execute("INSERT INTO " + table + " (actual_id, code, " + value + ") SELECT actual_id, code, " + value
                + " FROM " + coming + " ON CONFLICT DO NOTHING");
    }

    /**
     * Refreshes the planner's statistics of {@code actual} (ANALYZE) in the import's transaction: they count the rows
     * it wrote and take effect with them ({@link ActualsImporter#ANALYZE_AFTER_ROWS}).
     */
    static void analyze(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE actual");
        }
    }

    private static String join(List<ActualField> fields, java.util.function.Function<ActualField, String> sql) {
        return fields.stream().map(sql).collect(Collectors.joining(", "));
    }
}
