package dk.kk.gevinstspor.actuals.imports;

import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The write step's first half: the checked rows go by {@code COPY} (the PostgreSQL driver's copy API) into the
 * temporary table {@code import_actual}, a batch at a time; {@link ImportMerge} merges it into {@code actual}.
 * The table is dropped when the transaction ends. A blank cell is staged as NULL (an amount, the explanation) or
 * left out of the row's KPI/milestone object: the merge keeps the stored value there (DOMAIN.md Edges 11); a row
 * without any figure is staged with {@code blank_row} and merged as unchanged.
 */
final class StagingTable {

    /** The staging table: the file's row number, the proposal, and the values of the file's row. */
    static final String NAME = "import_actual";
    /**
     * The proposals of the rows merged chunk by chunk ({@link ImportWriter}), each with the first row of the chunk that
     * names it, kept when the chunk is emptied from the staging table.
     */
    static final String PROPOSALS = "import_proposal";

    private static final String COPY = "COPY " + NAME + " (row_no, proposal_id, year, investment, operation_funding,"
            + " operating_cost, service_efficiency, transfer_effect, repayment, explanation, kpis, milestones, blank_row) FROM STDIN (FORMAT csv)";

    private final CopyManager copy;
    private final ObjectMapper json = new ObjectMapper();
    private boolean blankAmounts;

    private StagingTable(CopyManager copy) {
        this.copy = copy;
    }

    /** Creates the (empty) staging table on the import's connection. */
    static StagingTable create(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TEMP TABLE " + NAME + " (row_no bigint, proposal_id bigint, year integer, investment numeric,"
                    + " operation_funding numeric, operating_cost numeric, service_efficiency numeric, transfer_effect numeric,"
                    + " repayment numeric, explanation text, kpis jsonb, milestones jsonb, blank_row boolean) ON COMMIT DROP");
            s.execute("CREATE TEMP TABLE " + PROPOSALS + " (proposal_id bigint, row_no bigint) ON COMMIT DROP");
        }
        return new StagingTable(connection.unwrap(PGConnection.class).getCopyAPI());
    }

    /** COPYs the rows in. (A connection can do nothing else while a COPY is open, so each batch has its own.) */
    void copyIn(List<ImportCheck.CheckedRow> rows) throws SQLException {
        StringBuilder lines = new StringBuilder(rows.size() * 96);
        for (ImportCheck.CheckedRow row : rows) {
            appendLine(lines, row.row(), row.proposalId());
        }
        try {
            copy.copyIn(COPY, new StringReader(lines.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException("COPY into the staging table failed: " + e.getMessage(), e);
        }
    }

    /** Whether a staged row has a blank amount (then {@link ImportMerge#fillBlanks} fills them before the merge). */
    boolean blankAmounts() {
        return blankAmounts;
    }

    /** {@link #blankAmounts}, and forgets it: the rows staged from now on are a new chunk. */
    boolean takeBlankAmounts() {
        boolean taken = blankAmounts;
        blankAmounts = false;
        return taken;
    }

    /**
     * The set-based reference check (docs/imports.md, "Reference check"; it replaces the foreign key from {@code actual}
     * to {@code proposal}, which checked row by row): one statement finds the rows of {@code rows} (the staging table,
     * or {@link #PROPOSALS}: a table with {@code row_no} and {@code proposal_id}) whose proposal id names no proposal,
     * and each becomes a row error. (The check step has read each row's proposal, and proposals are never deleted, so
     * this finds nothing unless something is wrong: it guards the rows' integrity, as the foreign key did.)
     *
     * @return whether it found any
     */
    static boolean unknownProposals(Connection connection, ImportErrors errors, String rows) throws SQLException {
        boolean any = false;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT i.row_no, i.proposal_id FROM " + rows + " i WHERE NOT EXISTS"
                        + " (SELECT 1 FROM proposal p WHERE p.id = i.proposal_id) ORDER BY i.row_no LIMIT " + ImportErrors.MAX_LISTED)) {
            while (rs.next()) {
                any = true;
                errors.add(rs.getLong(1), Column.REFERENCE.apiName, "UNKNOWN_REFERENCE",
                        "Rækkens forslag (id " + rs.getLong(2) + ") findes ikke i databasen");
            }
        }
        return any;
    }

    /**
     * After a chunk's merge ({@link ImportWriter}): keeps the chunk's proposals in {@link #PROPOSALS}, each with the
     * first row that names it, and empties the staging table for the next chunk.
     */
    static void keepProposalsAndEmpty(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("INSERT INTO " + PROPOSALS + " SELECT proposal_id, min(row_no) FROM " + NAME + " GROUP BY proposal_id");
            s.execute("TRUNCATE " + NAME);
        }
    }

    private void appendLine(StringBuilder line, RowParser.Parsed row, long proposalId) {
        line.append(row.row()).append(',').append(proposalId).append(',').append(row.year());
        blankAmounts |= row.blankAmount() && !row.blank();
        for (Column c : Column.AMOUNTS) {
            BigDecimal value = row.amounts().get(c);
            line.append(',');
            if (value != null) {
                line.append(value.toPlainString());
            }
        }
        line.append(',');
        if (row.explanation() != null) {
            quote(line, row.explanation());
        }
        line.append(',');
        quote(line, row.kpis().isEmpty() ? "{}" : toJson(row.kpis()));
        line.append(',');
        quote(line, row.milestones().isEmpty() ? "{}" : toJson(row.milestones()));
        line.append(row.blank() ? ",t\n" : ",f\n");
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of codes to numbers is always JSON", e);
        }
    }

    private static void quote(StringBuilder line, String value) {
        line.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
}
