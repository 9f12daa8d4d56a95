package dk.kk.gevinstspor.actuals.imports;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;

/**
 * The import's reading thread (docs/imports.md, "How it runs"): reads and types the file ({@link ImportReader}) and
 * reads each batch's proposals ({@link ProposalFacts}, one query per batch) in a read transaction of its own, a few
 * batches ahead of the check, which takes them with {@link #next}. It reads only what is committed, as the import's
 * own transaction would before its merge. Memory holds at most the few batches in the queue.
 */
final class ReadAhead implements AutoCloseable {

    /** A batch of rows as read, with the proposals of its references that exist. */
    record Batch(List<RowParser.Parsed> rows, Map<String, ProposalFacts.Fact> facts) {
    }

    private static final Batch END = new Batch(List.of(), Map.of());

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(3);
    private final Thread thread;
    private volatile boolean cancelled;
    private volatile Exception failure;
    private volatile ImportReader.FileRead read;

    /**
     * Starts reading; {@code header} is told, before the first batch, whether the file has KPI or milestone columns.
     * {@code timeout}: seconds the read transaction may take.
     */
    ReadAhead(Path file, ProposalFacts facts, ImportErrors errors, Consumer<Boolean> header, int timeout) {
        thread = new Thread(() -> run(file, facts, errors, header, timeout), "actuals-import-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next batch, or null after the last; fails with the reading's error (a database error as it was). */
    Batch next() throws SQLException {
        Batch batch;
        try {
            batch = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the import was read", e);
        }
        if (batch != END) {
            return batch;
        }
        join();
        Exception e = failure;
        if (e instanceof QuarkusTransactionException && e.getCause() != null) {
            e = (Exception) e.getCause();
        }
        if (e instanceof SQLException sql) {
            throw sql;
        }
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e != null) {
            throw new IllegalStateException("Reading the import failed: " + e.getMessage(), e);
        }
        return null;
    }

    /** What was read (after {@link #next} returned null). */
    ImportReader.FileRead read() {
        return Objects.requireNonNull(read, "read before the end");
    }

    /** Stops the reading (when the check ended early) and waits for the thread. */
    @Override
    public void close() {
        cancelled = true;
        queue.clear();
        join();
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the import was read", e);
        }
    }

    private void run(Path file, ProposalFacts facts, ImportErrors errors, Consumer<Boolean> header, int timeout) {
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            read = QuarkusTransaction.requiringNew().timeout(timeout).call(() -> ImportReader.read(file, errors, new ImportReader.Batches() {
                @Override
                public void header(boolean withCollections) {
                    header.accept(withCollections);
                }

                @Override
                public void accept(List<RowParser.Parsed> batch) {
                    put(new Batch(List.copyOf(batch), facts.load(batch.stream().map(RowParser.Parsed::reference)
                            .filter(Objects::nonNull).toList())));
                }
            }));
        } catch (Exception e) {
            failure = e;
        } finally {
            request.terminate();
            put(END);
        }
    }

    /** Waits for room in the queue; gives up when cancelled (the check no longer takes batches). */
    private void put(Batch batch) {
        try {
            while (!cancelled) {
                if (queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (batch != END) {
            throw new IllegalStateException("The import's check ended before its reading");
        }
    }
}
