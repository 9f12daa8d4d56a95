package dk.kk.gevinstspor.actuals.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The write step beside the reading (docs/imports.md, "How it runs"): a thread of its own takes the checked batches
 * from a short queue and writes them on the import's connection while the next batches are read and checked, so the
 * database works while Java reads. Every batch is {@code COPY}'d into the staging table. In the plain case (a stored
 * import of a file without KPI or milestone columns that does not list its changes) each chunk of about
 * {@value #CHUNK} rows is merged with its audit rows ({@link ImportMerge#merge}) and emptied from the staging table
 * right away, its proposals kept in {@code import_proposal}; otherwise the rows stay staged for the compare that
 * follows. Either way the references are checked at the end by one statement ({@link StagingTable#unknownProposals}).
 * All of it runs in the import's one transaction: an error anywhere rolls all of it back.
 * Once the import has a row error nothing more is written (it will store nothing); the batches are only drained.
 */
final class ImportWriter implements AutoCloseable {

    /** Rows merged together in the plain case. */
    static final int CHUNK = 20_000;

    private static final List<ImportCheck.CheckedRow> END = List.of();

    private final BlockingQueue<List<ImportCheck.CheckedRow>> queue = new ArrayBlockingQueue<>(3);
    private final Connection connection;
    private final StagingTable staging;
    private final ImportErrors errors;
    private final String username;
    private final Thread thread;
    private volatile boolean incremental;
    private volatile Exception failure;
    private boolean ended;
    private ImportAudit audit;
    private long created;
    private long updated;
    private long sinceMerge;
    private volatile long writingNanos;
    private volatile long mergingNanos;

    /**
     * Starts the writer on {@code connection} (the import's physical connection: the writer's thread is not the
     * transaction's, so it must not go through the pool's wrapper); {@code username} names the audit's revision.
     */
    ImportWriter(Connection connection, StagingTable staging, ImportErrors errors, String username) {
        this.connection = connection;
        this.staging = staging;
        this.errors = errors;
        this.username = username;
        this.thread = new Thread(this::run, "actuals-import-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Sets the mode before the first batch: merge chunk by chunk (true) or keep every row staged (false). */
    void mergeAsRead(boolean mergeAsRead) {
        this.incremental = mergeAsRead;
    }

    /** Whether the rows were merged chunk by chunk (then {@link #counts} are the merge's). */
    boolean mergedAsRead() {
        return incremental;
    }

    /** Hands on a checked batch (waits while the queue is full); fails with the writer's error, if it had one. */
    void write(List<ImportCheck.CheckedRow> batch) throws SQLException {
        rethrow();
        if (!batch.isEmpty()) {
            put(List.copyOf(batch));
        }
    }

    /** Waits until everything handed on is written (and, in the plain case, merged); fails with the writer's error. */
    void finish() throws SQLException {
        close();
        rethrow();
    }

    /** The merge's counts of {@code rows} read (plain case only, after {@link #finish}). */
    ImportCounts counts(long rows) {
        return ImportCounts.ofMerge(rows, created, updated);
    }

    /**
     * How long the writer's thread waited for the database (after {@link #finish}): copying the batches into the staging
     * table, and merging them with their audit rows (plain case). The import's log line gives both: they are the
     * floor under the import's time however fast the reading (docs/imports.md, "Measured").
     */
    long writingMillis() {
        return writingNanos / 1_000_000;
    }

    /** As {@link #writingMillis()}, the merge with its audit rows and the reference check only. */
    long mergingMillis() {
        return mergingNanos / 1_000_000;
    }

    /** SQL: the ids of the proposals the import wrote for (after {@link #finish}). */
    String proposalIds() {
        return incremental ? "SELECT proposal_id FROM " + StagingTable.PROPOSALS : "SELECT proposal_id FROM " + StagingTable.NAME;
    }

    /** Ends the writer (also when the reading failed) and waits for it: the transaction never ends under it. */
    @Override
    public void close() {
        if (!ended) {
            ended = true;
            put(END);
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the import was written", e);
            }
        }
    }

    private void put(List<ImportCheck.CheckedRow> batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the import was read", e);
        }
    }

    private void rethrow() throws SQLException {
        Exception e = failure;
        if (e instanceof SQLException sql) {
            throw sql;
        }
        if (e != null) {
            throw new IllegalStateException("Writing the import failed: " + e.getMessage(), e);
        }
    }

    private void run() {
        try {
            for (List<ImportCheck.CheckedRow> batch = queue.take(); batch != END; batch = queue.take()) {
                if (failure == null && !errors.any()) {
                    List<ImportCheck.CheckedRow> rows = batch;
                    attempt(() -> {
                        long started = System.nanoTime();
                        staging.copyIn(rows);
                        writingNanos += System.nanoTime() - started;
                        sinceMerge += rows.size();
                        if (incremental && sinceMerge >= CHUNK) {
                            mergeChunk();
                        }
                    });
                }
            }
            if (failure == null && !errors.any()) {
                attempt(() -> {
                    if (incremental) {
                        mergeChunk();
                    }
                    long started = System.nanoTime();
                    StagingTable.unknownProposals(connection, errors, incremental ? StagingTable.PROPOSALS : StagingTable.NAME);
                    mergingNanos += System.nanoTime() - started;
                    writingNanos += System.nanoTime() - started;
                });
            }
        } catch (InterruptedException e) {
            failure = e;
        }
    }

    private interface Step {
        void run() throws SQLException;
    }

    private void attempt(Step step) {
        try {
            step.run();
        } catch (SQLException | RuntimeException e) {
            failure = e;
        }
    }

    /**
     * Merges and empties the staged chunk (nothing when it is empty or the import already has an error); its proposals
     * are kept, each with the chunk's first row that names it, for the reference check at the end and the snapshot mark.
     */
    private void mergeChunk() throws SQLException {
        if (sinceMerge == 0) {
            return;
        }
        sinceMerge = 0;
        if (errors.any()) {
            return;
        }
        long started = System.nanoTime();
        if (staging.takeBlankAmounts()) {
            ImportMerge.fillBlanks(connection);
        }
        if (audit == null) {
            audit = ImportAudit.begin(connection, username);
        }
        long[] merged = ImportMerge.merge(connection, audit);
        created += merged[0];
        updated += merged[1];
        StagingTable.keepProposalsAndEmpty(connection);
        mergingNanos += System.nanoTime() - started;
        writingNanos += System.nanoTime() - started;
    }
}
