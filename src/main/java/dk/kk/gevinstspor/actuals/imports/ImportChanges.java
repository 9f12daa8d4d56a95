package dk.kk.gevinstspor.actuals.imports;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dk.kk.gevinstspor.actuals.ActualField;

/**
 * What an import changes, field by field with the old and the new value, and which rows change nothing: read
 * set-based from {@code import_change} ({@link ImportMerge#compare}) against {@code actual} before the merge, the
 * first {@value #MAX_LISTED} of each in the file's row order (the totals are counted).
 */
final class ImportChanges {

    /** Changes (and unchanged rows) listed at most. */
    static final int MAX_LISTED = 1000;

    /** The listed changes, their total, and the listed unchanged rows. */
    record Listed(List<ImportResult.Change> changes, long total, List<ImportResult.Row> unchangedRows) {
    }

    private ImportChanges() {
    }

    static Listed list(Connection connection) throws SQLException {
        List<ImportResult.Change> changes = new ArrayList<>();
        long total = 0;
        List<ImportResult.Row> unchanged = new ArrayList<>();
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery(changesSql())) {
                while (rs.next()) {
                    String field = rs.getString(4);
                    changes.add(new ImportResult.Change(rs.getString(1), rs.getInt(2), rs.getString(3), field,
                            value(field, rs.getString(5)), value(field, rs.getString(6))));
                    total = rs.getLong(7);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT p.reference, c.year, p.title FROM import_change c JOIN proposal p ON p.id = c.proposal_id"
                    + " WHERE c.action = 'N' ORDER BY c.row_no LIMIT " + MAX_LISTED)) {
                while (rs.next()) {
                    unchanged.add(new ImportResult.Row(rs.getString(1), rs.getInt(2), rs.getString(3)));
                }
            }
        }
        return new Listed(changes, total, unchanged);
    }

    /**
     * One row per changed field of the new and changed rows: the columns of {@code actual} that differ (of a new row:
     * the amounts that are not 0 and an explanation), and the KPI values and milestone years the file gives that
     * differ from the stored ones.
     */
    private static String changesSql() {
        List<ActualField> columns = ActualField.columns();
        String values = columns.stream().map(f -> "(" + columns.indexOf(f) + ", '" + apiName(f) + "', a." + f.column + "::text, c."
                + f.column + "::text, a." + f.column + " IS DISTINCT FROM c." + f.column
                + (f == ActualField.EXPLANATION ? "" : " AND (a.id IS NOT NULL OR c." + f.column + " <> 0)") + ")")
                .collect(Collectors.joining(", "));
        return "WITH f AS (SELECT c.row_no, c.proposal_id, c.year, f.ord, f.field, f.old, f.new FROM import_change c"
                + " LEFT JOIN actual a ON a.id = c.actual_id CROSS JOIN LATERAL (VALUES " + values + ") AS f(ord, field, old, new, differs)"
                + " WHERE c.action <> 'N' AND f.differs"
                + elements(ActualField.KPIS, Column.KPI_PREFIX, "numeric", 100)
                + elements(ActualField.MILESTONES, Column.MILESTONE_PREFIX, "integer", 200) + ")"
                + " SELECT p.reference, f.year, p.title, f.field, f.old, f.new, count(*) OVER () FROM f JOIN proposal p ON p.id = f.proposal_id"
                + " ORDER BY f.row_no, f.ord, f.field LIMIT " + MAX_LISTED;
    }

    /** The given elements of a collection that differ from the stored ones. */
    private static String elements(ActualField collection, String prefix, String type, int order) {
        return " UNION ALL SELECT c.row_no, c.proposal_id, c.year, " + order + ", '" + prefix + "' || e.key, o." + collection.valueColumn
                + "::text, e.value::text FROM import_change c CROSS JOIN jsonb_each(c." + collection.column + ") e LEFT JOIN "
                + collection.table + " o ON o.actual_id = c.actual_id AND o.code = e.key WHERE c.action <> 'N' AND o."
                + collection.valueColumn + " IS DISTINCT FROM e.value::text::" + type;
    }

    private static String apiName(ActualField f) {
        return switch (f) {
            case INVESTMENT -> Column.INVESTMENT.apiName;
            case OPERATION_FUNDING -> Column.OPERATION_FUNDING.apiName;
            case OPERATING_COST -> Column.OPERATING_COST.apiName;
            case SERVICE_EFFICIENCY -> Column.SERVICE_EFFICIENCY.apiName;
            case TRANSFER_EFFECT -> Column.TRANSFER_EFFECT.apiName;
            case REPAYMENT -> Column.REPAYMENT.apiName;
            default -> Column.EXPLANATION.apiName;
        };
    }

    /** A value as the JSON answer gives it: a number (amounts, KPI values), a year, or a text. */
    private static Object value(String field, String text) {
        if (text == null || field.equals(Column.EXPLANATION.apiName)) {
            return text;
        }
        if (field.startsWith(Column.MILESTONE_PREFIX)) {
            return Integer.valueOf(text);
        }
        return new BigDecimal(text);
    }
}
