package dk.kk.gevinstspor.actuals.imports;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import com.fasterxml.jackson.databind.ObjectMapper;

import dk.kk.gevinstspor.actuals.ActualsService;
import dk.kk.gevinstspor.common.config.Today;
import dk.kk.gevinstspor.common.error.ApiException;
import dk.kk.gevinstspor.common.error.Problem;
import dk.kk.gevinstspor.common.security.Access;
import dk.kk.gevinstspor.common.security.Caller;
import dk.kk.gevinstspor.domain.ActualInput;
import dk.kk.gevinstspor.domain.ActualsValidator;
import dk.kk.gevinstspor.domain.EvaluationSettings;
import dk.kk.gevinstspor.domain.ExplanationRule;
import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.domain.ValidationError;
import dk.kk.gevinstspor.domain.YearlyActual;
import dk.kk.gevinstspor.report.PortfolioReader;
import dk.kk.gevinstspor.common.events.ProposalChanged;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * Imports a file of yearly actuals, all or nothing (API.md, Actuals; docs/imports.md). The file is read as a
 * stream; each row is checked by the domain (as the form is) against its proposal, loaded a batch at a time;
 * the rows go by COPY into a temporary staging table; duplicates, the counts and the merge are set-based SQL
 * in one transaction, which also writes the revision and audit rows. No entity is made per row.
 */
@ApplicationScoped
public class ActualsImporter {

    /** Errors listed in a 422 at most; the detail gives the total. */
    static final int MAX_LISTED_ERRORS = 1000;
    private static final int BATCH = 2_000;
    private static final int PROPOSAL_CACHE = 20_000;

    private final AgroalDataSource dataSource;
    private final PortfolioReader reader;
    private final Access access;
    private final Today today;
    private final EvaluationSettings settings;
    private final MeterRegistry meters;
    private final ObjectMapper json = new ObjectMapper();
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ActualsImporter.class);

    public ActualsImporter(AgroalDataSource dataSource, PortfolioReader reader, Access access, Today today,
            EvaluationSettings settings, MeterRegistry meters) {
        this.meters = meters;
        this.dataSource = dataSource;
        this.reader = reader;
        this.access = access;
        this.today = today;
        this.settings = settings;
    }

    /**
     * Imports the file; with {@code dryRun} only reports.
     *
     * @throws ApiException 422 listing every bad row (nothing is stored)
     */
    @Transactional
    @TransactionConfiguration(timeout = 1800)
    public ImportResult importFile(Path file, boolean dryRun) {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            createStagingTable(connection);
            Errors errors = new Errors();
            Staging staging = readIntoStaging(file, connection, errors);
            if (staging.rows() == 0 && errors.total == 0) {
                errors.add(RowParser.error(1, null, "EMPTY_FILE", "Filen har ingen rækker med tal"));
            }
            if (errors.total > 0) {
                throw ApiException.unprocessable(errors.total + " fejl i filen; intet er gemt."
                        + (errors.total > MAX_LISTED_ERRORS ? " De første " + MAX_LISTED_ERRORS + " er vist." : ""), errors.listed());
            }
            long read = System.nanoTime();
            long[] counts;
            if (dryRun || staging.withCollections()) {
                compare(connection, staging);
                counts = counts(connection);
                if (!dryRun) {
                    mergeWithCollections(connection, staging);
                }
            } else {
                long[] changed = merge(connection);
                counts = new long[] { changed[0], changed[1], staging.rows() - changed[0] - changed[1] };
            }
            if (!dryRun) {
                markSnapshots(connection);
                countRows(counts);
            }
            LOG.infof("Import of %d rows by %s%s: read, checked and staged in %d ms, compared and merged in %d ms",
                    staging.rows(), Caller.currentUsername(), dryRun ? " (dry run)" : "", (read - started) / 1_000_000,
                    (System.nanoTime() - read) / 1_000_000);
            return new ImportResult(staging.rows(), counts[0], counts[1], counts[2], dryRun);
        } catch (SQLException e) {
            throw new IllegalStateException("Import failed in the database: " + e.getMessage(), e);
        }
    }

    /** What was staged: how many rows, and whether the file had KPI or milestone columns. */
    record Staging(long rows, boolean withKpis, boolean withMilestones) {
        boolean withCollections() {
            return withKpis || withMilestones;
        }
    }

    // ---- reading and checking ------------------------------------------------------------------------

    private Staging readIntoStaging(Path file, Connection connection, Errors errors) throws SQLException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        RowParser parser = new RowParser();
        ProposalFacts facts = new ProposalFacts(reader, PROPOSAL_CACHE);
        LongSet seen = new LongSet();
        List<RowParser.Parsed> batch = new ArrayList<>(BATCH);
        boolean[] headerOk = { true };
        try {
            long rows = ActualsFile.read(file, new ActualsFile.Rows() {
                @Override
                public void header(List<String> cells) {
                    List<Problem.Error> headerErrors = parser.header(cells);
                    headerErrors.forEach(errors::add);
                    headerOk[0] = headerErrors.isEmpty();
                }

                @Override
                public void row(long rowNumber, List<String> cells, ActualsFile.NumberStyle style) throws IOException {
                    if (!headerOk[0]) {
                        return;
                    }
                    List<Problem.Error> rowErrors = new ArrayList<>();
                    RowParser.Parsed parsed = parser.row(rowNumber, cells, style, rowErrors);
                    rowErrors.forEach(errors::add);
                    batch.add(parsed);
                    if (batch.size() == BATCH) {
                        flush(batch, facts, seen, errors, copy);
                    }
                }
            });
            flush(batch, facts, seen, errors, copy);
            return new Staging(headerOk[0] ? rows : 0, parser.hasKpis(), parser.hasMilestones());
        } catch (ActualsFile.Unreadable e) {
            errors.add(RowParser.error(e.row, null, e.code, e.getMessage()));
            return new Staging(0, false, false);
        } catch (IOException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            // e.g. POI's zip-bomb guard; its text names Java classes and settings, so the client gets ours
            LOG.debugf("Unreadable import: %s", e);
            errors.add(RowParser.error(1, null, "UNREADABLE_FILE", "Filen kan ikke læses: den er ødelagt, pakket ud fylder den"
                    + " urimeligt meget, eller den er hverken CSV eller et Excel-regneark (xlsx)"));
            return new Staging(0, false, false);
        }
    }

    /**
     * Checks a batch of rows against their proposals (the domain's rules) and COPYs them into the staging table.
     * (A connection can do nothing else while a COPY is open, so each batch has its own.)
     */
    private void flush(List<RowParser.Parsed> batch, ProposalFacts facts, LongSet seen, Errors errors, CopyManager copy)
            throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        facts.load(batch.stream().map(RowParser.Parsed::reference).filter(r -> r != null).toList());
        int currentYear = today.year();
        StringBuilder lines = new StringBuilder(batch.size() * 96);
        for (RowParser.Parsed row : batch) {
            if (row.reference() == null) {
                continue;
            }
            ProposalFacts.Fact fact = facts.get(row.reference());
            if (fact == null) {
                errors.add(RowParser.error(row.row(), Column.REFERENCE.apiName, "UNKNOWN_REFERENCE",
                        "Intet forslag har referencen " + row.reference()));
                continue;
            }
            if (!access.mayWriteActuals(fact.administrations())) {
                errors.add(RowParser.error(row.row(), Column.REFERENCE.apiName, "NOT_ALLOWED",
                        "Du må ikke indberette for " + row.reference() + ": ingen af dine forvaltninger deltager i forslaget"));
            }
            if (row.year() != null && row.amounts().size() == 6) {
                check(row, fact.proposal(), currentYear, errors);
            }
            if (row.year() != null) {
                if (!seen.add(fact.id() * 4096 + (row.year() - 1900))) {
                    errors.add(RowParser.error(row.row(), Column.YEAR.apiName, "DUPLICATE_ROW",
                            row.reference() + " " + row.year() + " står også tidligere i filen"));
                }
                appendCopyLine(lines, row, fact.id());
            }
        }
        batch.clear();
        try {
            copy.copyIn(COPY, new java.io.StringReader(lines.toString()));
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    private void check(RowParser.Parsed row, Proposal proposal, int currentYear, Errors errors) {
        ActualInput input = new ActualInput(row.year(), row.amounts().get(Column.INVESTMENT), row.amounts().get(Column.OPERATION_FUNDING),
                row.amounts().get(Column.OPERATING_COST), row.amounts().get(Column.SERVICE_EFFICIENCY),
                row.amounts().get(Column.TRANSFER_EFFECT), row.amounts().get(Column.REPAYMENT), row.kpis(), row.milestones(),
                row.explanation());
        List<ValidationError> invalid = ActualsValidator.validate(input, proposal, currentYear);
        for (ValidationError e : invalid) {
            errors.add(RowParser.error(row.row(), columnOf(e.field()), e.code(), e.message()));
        }
        if (invalid.isEmpty()) {
            YearlyActual actual = input.toYearlyActual();
            if (ExplanationRule.isMissing(proposal, actual, settings.tolerance())) {
                String fields = String.join(", ", ExplanationRule.deviatingFields(proposal, actual, settings.tolerance()));
                errors.add(RowParser.error(row.row(), Column.EXPLANATION.apiName, ActualsService.EXPLANATION_REQUIRED,
                        ActualsService.explanationRequired(settings.tolerance(), fields)));
            }
        }
    }

    /** The file's column for a field of the domain's validation errors. */
    private static String columnOf(String field) {
        if (field.startsWith("kpis.")) {
            return Column.KPI_PREFIX + field.substring(5);
        }
        if (field.startsWith("milestones.")) {
            return Column.MILESTONE_PREFIX + field.substring(11);
        }
        return field;
    }

    private static final String COPY = "COPY import_actual (row_no, proposal_id, year, investment, operation_funding,"
            + " operating_cost, service_efficiency, transfer_effect, repayment, explanation, kpis, milestones) FROM STDIN (FORMAT csv)";

    private void appendCopyLine(StringBuilder line, RowParser.Parsed row, long proposalId) throws IOException {
        line.append(row.row()).append(',').append(proposalId).append(',').append(row.year());
        for (Column c : List.of(Column.INVESTMENT, Column.OPERATION_FUNDING, Column.OPERATING_COST, Column.SERVICE_EFFICIENCY,
                Column.TRANSFER_EFFECT, Column.REPAYMENT)) {
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
        quote(line, row.kpis().isEmpty() ? "{}" : json.writeValueAsString(row.kpis()));
        line.append(',');
        quote(line, row.milestones().isEmpty() ? "{}" : json.writeValueAsString(row.milestones()));
        line.append('\n');
    }

    private static void quote(StringBuilder line, String value) {
        line.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    // ---- set-based SQL ---------------------------------------------------------------------------------

    private static void createStagingTable(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TEMP TABLE import_actual (row_no bigint, proposal_id bigint, year integer, investment numeric,"
                    + " operation_funding numeric, operating_cost numeric, service_efficiency numeric, transfer_effect numeric,"
                    + " repayment numeric, explanation text, kpis jsonb, milestones jsonb) ON COMMIT DROP");
        }
    }

    /** Marks each staged row as new, changed or unchanged against what is stored (amounts, explanation, KPIs, milestones). */
    private static void compare(Connection connection, Staging staging) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TEMP TABLE import_change ON COMMIT DROP AS SELECT i.*, a.id AS actual_id,"
                    + " CASE WHEN a.id IS NULL THEN 'C' WHEN " + CHANGED
                    + (staging.withKpis() ? " OR i.kpis IS DISTINCT FROM (SELECT coalesce(jsonb_object_agg(k.code, k.value), '{}')"
                            + " FROM actual_kpi k WHERE k.actual_id = a.id)" : "")
                    + (staging.withMilestones() ? " OR i.milestones IS DISTINCT FROM (SELECT coalesce(jsonb_object_agg(m.code,"
                            + " m.achieved_year), '{}') FROM actual_milestone m WHERE m.actual_id = a.id)" : "")
                    + " THEN 'U' ELSE 'N' END AS action"
                    + " FROM import_actual i LEFT JOIN actual a ON a.proposal_id = i.proposal_id AND a.year = i.year");
        }
    }

    /** The stored row {@code a} differs from the file's row {@code i} in an amount or the explanation. */
    private static final String CHANGED = "((a.investment, a.operation_funding, a.operating_cost, a.service_efficiency,"
            + " a.transfer_effect, a.repayment) IS DISTINCT FROM (i.investment, i.operation_funding, i.operating_cost,"
            + " i.service_efficiency, i.transfer_effect, i.repayment) OR a.explanation IS DISTINCT FROM i.explanation)";

    private static final String UPSERT_COLUMNS = "proposal_id, year, investment, operation_funding, operating_cost,"
            + " service_efficiency, transfer_effect, repayment, explanation";
    private static final String ON_CONFLICT = " ON CONFLICT (proposal_id, year) DO UPDATE SET investment = EXCLUDED.investment,"
            + " operation_funding = EXCLUDED.operation_funding, operating_cost = EXCLUDED.operating_cost,"
            + " service_efficiency = EXCLUDED.service_efficiency, transfer_effect = EXCLUDED.transfer_effect,"
            + " repayment = EXCLUDED.repayment, explanation = EXCLUDED.explanation, updated_at = now(), version = a.version + 1";
    private static final String RETURNING = " RETURNING a.id, a.proposal_id, a.year, a.investment, a.operation_funding,"
            + " a.operating_cost, a.service_efficiency, a.transfer_effect, a.repayment, a.explanation, (xmax = 0) AS created";
    private static final String AUDIT = "INSERT INTO actual_aud (rev, revtype, id, proposal_id, year, investment, operation_funding,"
            + " operating_cost, service_efficiency, transfer_effect, repayment, explanation) SELECT %d, CASE WHEN created THEN 0 ELSE 1 END,"
            + " id, proposal_id, year, investment, operation_funding, operating_cost, service_efficiency, transfer_effect, repayment,"
            + " explanation FROM upserted";

    /**
     * The common case, a file without KPI or milestone columns, in one statement: insert new rows, update rows
     * whose values differ (their version moves), leave equal rows alone, and write the audit rows.
     *
     * @return rows created and rows updated
     */
    private static long[] merge(Connection connection) throws SQLException {
        long revision = newRevision(connection);
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("WITH upserted AS (INSERT INTO actual AS a (" + UPSERT_COLUMNS + ", updated_at, version)"
                        + " SELECT " + UPSERT_COLUMNS + ", now(), 0 FROM import_actual i" + ON_CONFLICT
                        + " WHERE " + CHANGED.replace("i.", "EXCLUDED.") + RETURNING + "),"
                        + " audited AS (" + AUDIT.formatted(revision) + " RETURNING revtype)"
                        + " SELECT count(*) FILTER (WHERE revtype = 0), count(*) FILTER (WHERE revtype = 1) FROM audited")) {
            rs.next();
            return new long[] { rs.getLong(1), rs.getLong(2) };
        }
    }

    /** The counter {@code gevinstspor.import.rows} by outcome (created, updated, unchanged) of stored imports. */
    private void countRows(long[] counts) {
        String[] outcomes = { "created", "updated", "unchanged" };
        for (int i = 0; i < outcomes.length; i++) {
            Counter.builder("gevinstspor.import.rows").description("Rows of stored imports of actuals")
                    .tag("outcome", outcomes[i]).register(meters).increment(counts[i]);
        }
    }

    /** The imported proposals' evaluation snapshots are out of date: one set-based statement (docs/reporting.md). */
    private static void markSnapshots(Connection connection) throws SQLException {
        jakarta.enterprise.inject.spi.CDI.current().getBeanManager().getEvent().select(ProposalChanged.class)
                .fire(ProposalChanged.selectedBy("SELECT proposal_id FROM import_actual")); // on this transaction's connection
    }

    private static long newRevision(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO revision (at_millis, username) VALUES (?, ?) RETURNING id")) {
            ps.setLong(1, System.currentTimeMillis());
            ps.setString(2, Caller.currentUsername());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long[] counts(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE action = 'C'), count(*) FILTER (WHERE action = 'U'),"
                        + " count(*) FILTER (WHERE action = 'N') FROM import_change")) {
            rs.next();
            return new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) };
        }
    }

    /**
     * A file with KPI or milestone columns: stores the new and changed rows (versions move), replaces their KPI
     * values and milestone years, and writes the revision and audit rows Envers would have written (docs/audit.md).
     * Unchanged rows are not touched.
     */
    private static void mergeWithCollections(Connection connection, Staging staging) throws SQLException {
        String rev = Long.toString(newRevision(connection));
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TEMP TABLE import_done (actual_id bigint PRIMARY KEY, created boolean, kpis jsonb, milestones jsonb) ON COMMIT DROP");
            s.execute("WITH upserted AS (INSERT INTO actual AS a (" + UPSERT_COLUMNS + ", updated_at, version)"
                    + " SELECT " + UPSERT_COLUMNS + ", now(), 0 FROM import_change WHERE action <> 'N'" + ON_CONFLICT + RETURNING + "),"
                    + " audited AS (" + AUDIT.formatted(Long.parseLong(rev)) + ")"
                    + " INSERT INTO import_done SELECT u.id, u.created, c.kpis, c.milestones FROM upserted u"
                    + " JOIN import_change c ON c.proposal_id = u.proposal_id AND c.year = u.year");
            // KPI values and milestone years: audit what goes (2) and what comes (0), then replace.
            if (staging.withKpis()) {
                kpis(s, rev);
            }
            if (staging.withMilestones()) {
                milestones(s, rev);
            }
        }
    }

    private static void kpis(Statement s, String rev) throws SQLException {
        s.execute("CREATE TEMP TABLE import_kpi ON COMMIT DROP AS SELECT d.actual_id, e.key AS code, e.value::text::numeric AS value"
                + " FROM import_done d CROSS JOIN jsonb_each(d.kpis) e");
        s.execute("INSERT INTO actual_kpi_aud (rev, revtype, actual_id, code, value) SELECT " + rev + ", 2, o.actual_id, o.code, o.value"
                + " FROM actual_kpi o JOIN import_done d ON d.actual_id = o.actual_id WHERE NOT EXISTS (SELECT 1 FROM import_kpi n"
                + " WHERE n.actual_id = o.actual_id AND n.code = o.code AND n.value = o.value)");
        s.execute("INSERT INTO actual_kpi_aud (rev, revtype, actual_id, code, value) SELECT " + rev + ", 0, n.actual_id, n.code, n.value"
                + " FROM import_kpi n WHERE NOT EXISTS (SELECT 1 FROM actual_kpi o WHERE o.actual_id = n.actual_id AND o.code = n.code"
                + " AND o.value = n.value)");
        s.execute("DELETE FROM actual_kpi o USING import_done d WHERE o.actual_id = d.actual_id AND NOT EXISTS (SELECT 1"
                + " FROM import_kpi n WHERE n.actual_id = o.actual_id AND n.code = o.code AND n.value = o.value)");
        s.execute("INSERT INTO actual_kpi (actual_id, code, value) SELECT actual_id, code, value FROM import_kpi ON CONFLICT DO NOTHING");
    }

    private static void milestones(Statement s, String rev) throws SQLException {
        s.execute("CREATE TEMP TABLE import_milestone ON COMMIT DROP AS SELECT d.actual_id, e.key AS code,"
                + " e.value::text::integer AS achieved_year FROM import_done d CROSS JOIN jsonb_each(d.milestones) e");
        s.execute("INSERT INTO actual_milestone_aud (rev, revtype, actual_id, code, achieved_year) SELECT " + rev + ", 2, o.actual_id,"
                + " o.code, o.achieved_year FROM actual_milestone o JOIN import_done d ON d.actual_id = o.actual_id WHERE NOT EXISTS"
                + " (SELECT 1 FROM import_milestone n WHERE n.actual_id = o.actual_id AND n.code = o.code AND n.achieved_year = o.achieved_year)");
        s.execute("INSERT INTO actual_milestone_aud (rev, revtype, actual_id, code, achieved_year) SELECT " + rev + ", 0, n.actual_id,"
                + " n.code, n.achieved_year FROM import_milestone n WHERE NOT EXISTS (SELECT 1 FROM actual_milestone o"
                + " WHERE o.actual_id = n.actual_id AND o.code = n.code AND o.achieved_year = n.achieved_year)");
        s.execute("DELETE FROM actual_milestone o USING import_done d WHERE o.actual_id = d.actual_id AND NOT EXISTS (SELECT 1"
                + " FROM import_milestone n WHERE n.actual_id = o.actual_id AND n.code = o.code AND n.achieved_year = o.achieved_year)");
        s.execute("INSERT INTO actual_milestone (actual_id, code, achieved_year) SELECT actual_id, code, achieved_year"
                + " FROM import_milestone ON CONFLICT DO NOTHING");
    }

    /** Every error counted, the first {@value #MAX_LISTED_ERRORS} in row order kept. */
    static final class Errors {
        private final List<Problem.Error> kept = new ArrayList<>();
        long total;

        void add(Problem.Error error) {
            total++;
            kept.add(error);
            if (kept.size() > 2 * MAX_LISTED_ERRORS) {
                trim();
            }
        }

        List<Problem.Error> listed() {
            trim();
            return kept;
        }

        private void trim() {
            kept.sort(Comparator.comparing((Problem.Error e) -> e.row() == null ? 0 : e.row())
                    .thenComparing(e -> e.column() == null ? "" : e.column()));
            if (kept.size() > MAX_LISTED_ERRORS) {
                kept.subList(MAX_LISTED_ERRORS, kept.size()).clear();
            }
        }
    }
}
