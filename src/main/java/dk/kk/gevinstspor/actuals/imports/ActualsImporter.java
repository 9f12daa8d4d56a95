package dk.kk.gevinstspor.actuals.imports;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * Imports a file of yearly actuals, all or nothing (API.md, Actuals; docs/imports.md), in one transaction and
 * without an entity per row, by its steps: {@link ImportReader} reads the file as a stream of rows,
 * {@link ImportCheck} checks each batch against its proposals (the domain's rules, as the form), {@link StagingTable}
 * COPYs the checked rows into a temporary table, and with no errors {@link ImportMerge} merges them set-based with
 * their history ({@link ImportAudit}).
 */
@ApplicationScoped
public class ActualsImporter {

    private static final int PROPOSAL_CACHE = 20_000;
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
    @TransactionConfiguration(timeout = 1800)
    public ImportResult importFile(Path file, boolean dryRun, boolean listChanges) {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            StagingTable staging = StagingTable.create(connection);
            ImportErrors errors = new ImportErrors();
            ProposalFacts facts = new ProposalFacts(portfolio, PROPOSAL_CACHE);
            ImportCheck check = new ImportCheck(facts, new StoredRows(connection), access, settings, today.year(), errors);
            ImportReader.FileRead read = ImportReader.read(file, errors, batch -> staging.copyIn(check.check(batch)));
            if (read.rows() == 0 && !errors.any()) {
                errors.add(1, null, "EMPTY_FILE", "Filen har ingen rækker med tal");
            }
            errors.throwIfAny(facts::titles);
            long checked = System.nanoTime();
            if (staging.blankAmounts()) {
                ImportMerge.fillBlanks(connection);
            }
            ImportCounts counts;
            ImportChanges.Listed listed = null;
            if (dryRun || listChanges || read.withCollections()) {
                counts = ImportMerge.compare(connection, read);
                if (listChanges) {
                    listed = ImportChanges.list(connection);
                }
                if (!dryRun) {
                    ImportMerge.mergeCompared(connection, read);
                }
            } else {
                counts = ImportMerge.merge(connection, read.rows());
            }
            if (!dryRun) {
                // the imported proposals' evaluation snapshots are out of date: one set-based mark in this transaction
                changed.fire(ProposalChanged.selectedBy("SELECT proposal_id FROM import_actual"));
                countRows(counts);
            }
            LOG.infof("Import of %d rows by %s%s: read, checked and staged in %d ms, compared and merged in %d ms",
                    read.rows(), Caller.currentUsername(), dryRun ? " (dry run)" : "", (checked - started) / 1_000_000,
                    (System.nanoTime() - checked) / 1_000_000);
            return counts.result(read.rows(), dryRun, listed);
        } catch (SQLException e) {
            throw new IllegalStateException("Import failed in the database: " + e.getMessage(), e);
        }
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
