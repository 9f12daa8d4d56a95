package dk.kk.gevinstspor.actuals.imports;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dk.kk.gevinstspor.common.config.Today;
import dk.kk.gevinstspor.common.error.ApiException;
import dk.kk.gevinstspor.common.security.Access;
import dk.kk.gevinstspor.common.security.Caller;
import dk.kk.gevinstspor.domain.EvaluationSettings;
import dk.kk.gevinstspor.portfolio.Portfolio;
import dk.kk.gevinstspor.common.events.ProposalChanged;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.runtime.StartupEvent;
import org.postgresql.jdbc.PgConnection;

/**
 * Imports a file of yearly actuals, all or nothing (API.md, Actuals; docs/imports.md), in one transaction and
 * without an entity per row, by its steps: {@link ImportReader} reads the file as a stream of rows,
 * {@link ImportCheck} checks each batch against its proposals (the domain's rules, as the form), {@link StagingTable}
 * COPYs the checked rows into a temporary table, and with no errors {@link ImportMerge} merges them set-based with
 * their history ({@link ImportAudit}).
 */
@ApplicationScoped
public class ActualsImporter {

    private static final int PROPOSAL_CACHE = 4_000;
    /** Seconds an import may take. */
    private static final int TIMEOUT = 1800;
    /**
     * An import that creates or updates at least this many rows refreshes the planner's statistics of {@code actual}
     * ({@link ImportMerge#analyze}): the reports' plans must fit the table as it is after the import. Left to
     * autovacuum, the statistics came up to a minute late, and a committee's majbidrag read all of a million imported
     * rows by a sequential scan meanwhile (bench/run, 2026-11-30 night).
     */
    static final long ANALYZE_AFTER_ROWS = 10_000;
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ActualsImporter.class);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Portfolio portfolio;
    @Inject
    Access access;
    @Inject
    Today today;
    @Inject
    EvaluationSettings settings;
    @Inject
    MeterRegistry meters;
    @Inject
    Event<ProposalChanged> changed;

    /**
     * Imports the file; with {@code dryRun} only reports (and lists the changes).
     *
     * @throws ApiException 422 listing every bad row (nothing is stored)
     */
    public ImportResult importFile(Path file, boolean dryRun) {
        return importFile(file, dryRun, dryRun);
    }

    /**
     * Imports the file; with {@code dryRun} only reports; with {@code listChanges} the answer lists each field that
     * changes with its old and new value and the rows that change nothing (a comparison of every row with what is
     * stored before the merge: the plain import of a file without KPI columns does without it).
     *
     * @throws ApiException 422 listing every bad row (nothing is stored)
     */
    @Transactional
    @TransactionConfiguration(timeout = TIMEOUT)
    public ImportResult importFile(Path file, boolean dryRun, boolean listChanges) {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            StagingTable staging = StagingTable.create(connection);
            ImportErrors errors = new ImportErrors();
            ProposalFacts facts = new ProposalFacts(portfolio, PROPOSAL_CACHE);
            ImportReader.FileRead read;
            ImportWriter writer = new ImportWriter(connection.unwrap(PgConnection.class), staging, errors, Caller.currentUsername());
            try (writer) {
                read = readAndCheck(file, facts, errors, writer, !dryRun && !listChanges);
                writer.finish();
            }
            if (read.rows() == 0 && !errors.any()) {
                errors.add(1, null, "EMPTY_FILE", "Filen har ingen rækker med tal");
            }
            errors.throwIfAny(facts::titles);
            long checked = System.nanoTime();
            ImportCounts counts;
            ImportChanges.Listed listed = null;
            if (writer.mergedAsRead()) {
                counts = writer.counts(read.rows());
            } else {
                if (staging.blankAmounts()) {
                    ImportMerge.fillBlanks(connection);
                }
                counts = ImportMerge.compare(connection, read);
                if (listChanges) {
                    listed = ImportChanges.list(connection);
                }
                if (!dryRun) {
                    ImportMerge.mergeCompared(connection, read);
                }
            }
            if (!dryRun) {
                // the imported proposals' evaluation snapshots are out of date: one set-based mark in this transaction
                changed.fire(ProposalChanged.selectedBy(writer.proposalIds()));
                ImportAudit.log(connection, Caller.currentUsername(), read.rows(), counts);
                countRows(counts);
                if (counts.created() + counts.updated() >= ANALYZE_AFTER_ROWS) {
                    ImportMerge.analyze(connection);
                }
            }
            LOG.infof("Import of %d rows by %s%s: read, checked, staged (and merged as read) in %d ms, of which the database"
                    + " copied and merged (with audit) %d ms (merged %d ms); compared and merged after in %d ms",
                    read.rows(), Caller.currentUsername(), dryRun ? " (dry run)" : "", (checked - started) / 1_000_000,
                    writer.writingMillis(), writer.mergingMillis(), (System.nanoTime() - checked) / 1_000_000);
            return counts.result(read.rows(), dryRun, listed);
        } catch (SQLException e) {
            throw new IllegalStateException("Import failed in the database: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the file ahead on a thread of its own ({@link ReadAhead}: rows and their proposals), checks each batch on
     * this thread (which knows the caller) and hands it to the writer, which writes it on the import's connection
     * meanwhile. The reading and the check's reads of stored rows run in read transactions of their own (their own
     * connections: the import's is the writer's meanwhile); they read only what is committed, as the import's own
     * transaction would before its merge. With {@code store} and a file without KPI or milestone columns the writer
     * merges as it goes.
     */
    private ImportReader.FileRead readAndCheck(Path file, ProposalFacts facts, ImportErrors errors, ImportWriter writer, boolean store)
            throws SQLException {
        try (ReadAhead ahead = new ReadAhead(file, facts, errors, withCollections -> writer.mergeAsRead(store && !withCollections), TIMEOUT)) {
            return QuarkusTransaction.requiringNew().timeout(TIMEOUT).call(() -> {
                try (Connection reading = dataSource.getConnection()) {
                    ImportCheck check = new ImportCheck(new StoredRows(reading), access, settings, today.year(), errors);
                    for (ReadAhead.Batch batch = ahead.next(); batch != null; batch = ahead.next()) {
                        writer.write(check.check(batch.rows(), batch.facts()));
                    }
                    return ahead.read();
                }
            });
        } catch (QuarkusTransactionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e;
        }
    }

    /**
     * Registers the counter's every series at 0 at start-up, so that the first import is a rise from 0 that
     * {@code rate()} and {@code increase()} see (a series born at its first value is not).
     */
    void registerCounters(@Observes StartupEvent event) {
        countRows(new ImportCounts(0, 0, 0));
    }

    /** The counter {@code gevinstspor.import.rows} by outcome (created, updated, unchanged) of stored imports. */
    private void countRows(ImportCounts counts) {
        count("created", counts.created());
        count("updated", counts.updated());
        count("unchanged", counts.unchanged());
    }

    private void count(String outcome, long rows) {
        Counter.builder("gevinstspor.import.rows").description("Rows of stored imports of actuals")
                .tag("outcome", outcome).register(meters).increment(rows);
    }
}
