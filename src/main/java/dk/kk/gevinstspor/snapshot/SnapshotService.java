package dk.kk.gevinstspor.snapshot;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dk.kk.gevinstspor.common.config.Today;
import dk.kk.gevinstspor.common.database.AdvisoryLock;
import dk.kk.gevinstspor.domain.Evaluation;
import dk.kk.gevinstspor.domain.Evaluator;
import dk.kk.gevinstspor.domain.FrameReport;
import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.proposal.ProposalService;
import dk.kk.gevinstspor.portfolio.Portfolio;
import dk.kk.gevinstspor.portfolio.Selection;
import dk.kk.gevinstspor.portfolio.Stored;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * Computes the evaluation snapshots (V6, docs/reporting.md): for every proposal and accounts year from its adoption
 * (or first plan year, if earlier) to the last completed year, the domain's {@link Evaluator} and findings, and the
 * innovation frames of every adoption year. Proposals and actuals are read from the {@link Portfolio} (two statements
 * for the whole portfolio); rows are written with COPY in chunks of about 1 MB. One replica at a time: every run holds the advisory lock
 * {@value #LOCK}.
 */
@ApplicationScoped
public class SnapshotService {

    /** The advisory lock of snapshot work. */
    public static final String LOCK = "gevinstspor.evaluation-snapshots";

    /**
     * What a run did: proposals evaluated, snapshot rows written, proposals that could not be evaluated (skipped),
     * milliseconds taken; {@code full} for a rebuild.
     */
    public record Run(boolean full, int proposals, int rows, int failed, long millis) {
    }

    private static final Logger LOG = Logger.getLogger(SnapshotService.class);
    /** Proposals evaluated in parallel at a time. */
    private static final int BATCH = 256;

    @Inject
    Portfolio portfolio;
    @Inject
    Evaluator evaluator;
    @Inject
    Today today;
    @Inject
    AdvisoryLock lock;
    @Inject
    SnapshotRepository snapshots;
    @Inject
    ProposalService proposals;

    /** Rebuilds every snapshot, waiting for a run of another replica to end first. */
    @Transactional
    @TransactionConfiguration(timeout = 1800)
    public Run rebuild() {
        lock.lock(LOCK);
        return rebuildLocked();
    }

    /**
     * As {@link #rebuild()}, in the caller's transaction (whose timeout the caller sets), so that the caller's own
     * uncommitted writes are in the snapshots.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Run rebuildInCurrentTransaction() {
        lock.lock(LOCK);
        return rebuildLocked();
    }

    /**
     * The start-up rebuild: rebuilds every snapshot unless another replica is at work on them (then empty) or has
     * rebuilt them for the current accounts year since {@code startedMillis} (the database's clock when this replica
     * started; then only the marked proposals are recomputed): replicas started together rebuild once.
     */
    @Transactional
    @TransactionConfiguration(timeout = 1800)
    public Optional<Run> rebuildIfFree(long startedMillis) {
        if (!lock.tryLock(LOCK)) {
            return Optional.empty();
        }
        if (snapshots.rebuiltSince(today.lastCompletedYear(), startedMillis)) {
            LOG.info("Evaluation snapshots were rebuilt by another replica after this one started: no rebuild");
            return Optional.of(refreshLocked());
        }
        return Optional.of(rebuildLocked());
    }

    /** The database's clock, in milliseconds since 1970: one clock for every replica. */
    @Transactional
    public long databaseMillis() {
        return snapshots.databaseMillis();
    }

    /**
     * Recomputes the marked proposals, or everything when a new accounts year has been completed since the last
     * rebuild; empty when another replica is at work on the snapshots.
     */
    @Transactional
    @TransactionConfiguration(timeout = 1800)
    public Optional<Run> refresh() {
        return lock.tryLock(LOCK) ? Optional.of(refreshLocked()) : Optional.empty();
    }

    private Run refreshLocked() {
        if (snapshots.throughYear().filter(year -> year == today.lastCompletedYear()).isEmpty()) {
            return rebuildLocked();
        }
        long started = System.nanoTime();
        if (snapshots.claimMarked() == 0) {
            snapshots.recordRun();
            return new Run(false, 0, 0, 0, 0);
        }
        return compute(new Selection.MarkedForSnapshots(), false, started);
    }

    private Run rebuildLocked() {
        long started = System.nanoTime();
        snapshots.clear(today.lastCompletedYear());
        Run run = compute(new Selection.Everything(), true, started);
        LOG.infof("Evaluation snapshots rebuilt: %d proposals, %d rows in %d ms (%d proposals could not be evaluated)", run.proposals(),
                run.rows(), run.millis(), run.failed());
        return run;
    }

    /** The proposals the snapshots could not evaluate, the oldest failure first (docs/reporting.md, Failures). */
    @Transactional
    public List<SnapshotFailure> failures() {
        return snapshots.failures();
    }

    /**
     * Writes the frames of every adoption year and the snapshots of the selected proposals. A proposal that cannot be
     * evaluated (the domain refuses its stored data) is skipped and stored as a failure; the others are written. The
     * proposals are read in one pass on the transaction's connection; their findings are worked out as they come (they
     * may read frames). Their years' evaluations (pure domain work, most of a run's CPU) are computed and encoded as
     * COPY text on a worker thread, {@value #BATCH} proposals at a time, while this thread reads the next batch and
     * sends the previous one's rows: the database's work for the reads and the COPY overlaps the domain's (a rebuild
     * used half of the two cores when they took turns, bench/RESULTS.md). Rows are written in the order read.
     */
    private Run compute(Selection selection, boolean full, long started) {
        // a proposal the frames cannot read is left out of them; it is recorded when it is computed below
        Map<Integer, FrameReport> frames = new HashMap<>(portfolio.framesOfEveryYear(unreadable -> { }));
        int lastYear = today.lastCompletedYear();
        Map<Long, Failed> failed = new LinkedHashMap<>();
        int[] counts = new int[2];
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "snapshot-evaluation"));
        try (SnapshotRepository.Writer rows = snapshots.writer()) {
            rows.frames(frames);
            List<Pending> batch = new ArrayList<>(BATCH);
            List<CompletableFuture<Encoded>> inFlight = new ArrayList<>(1);
            // hands the batch to the worker, then writes the one before it (its rows go out while the worker computes)
            Runnable handOver = () -> {
                List<Pending> work = List.copyOf(batch);
                batch.clear();
                CompletableFuture<Encoded> previous = inFlight.isEmpty() ? null : inFlight.remove(0);
                inFlight.add(CompletableFuture.supplyAsync(() -> encode(work, lastYear), worker));
                if (previous != null) {
                    write(previous.join(), rows, failed, counts);
                }
            };
            portfolio.each(selection, p -> {
                try {
                    batch.add(new Pending(p, SnapshotRepository.Writer.bySeverity(proposals.findings(p.proposal(), frames))));
                } catch (RuntimeException e) { // the domain is pure: whatever it throws is about this proposal's data
                    failed.put(p.id(), Failed.of(p.proposal().reference(), e));
                    return;
                }
                if (batch.size() == BATCH) {
                    handOver.run();
                }
            }, unreadable -> failed.put(unreadable.id(), new Failed(unreadable.reference(), unreadable.message())));
            handOver.run();
            write(inFlight.remove(0).join(), rows, failed, counts);
        } catch (SQLException e) {
            throw new IllegalStateException("Writing the evaluation snapshots failed: " + e.getMessage(), e);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } finally {
            worker.shutdownNow();
        }
        record(full, failed);
        snapshots.recordRun();
        return new Run(full, counts[0], counts[1], failed.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** A batch's evaluations as COPY text (in parallel, in the order read), with the proposals that could not be evaluated. */
    private Encoded encode(List<Pending> batch, int lastYear) {
        StringBuilder text = new StringBuilder(batch.size() * 2048);
        Map<Long, Failed> failures = new LinkedHashMap<>();
        int proposalCount = 0;
        int rowCount = 0;
        for (Computed c : batch.parallelStream().map(p -> evaluate(p, lastYear)).toList()) {
            if (c.failure() != null) {
                failures.put(c.id(), c.failure());
            } else {
                SnapshotRepository.Writer.encode(text, c.id(), c.evaluations(), c.effectsFollowedUp(), c.findings());
                proposalCount++;
                rowCount += c.evaluations().size();
            }
        }
        return new Encoded(text, failures, proposalCount, rowCount);
    }

    private static void write(Encoded encoded, SnapshotRepository.Writer rows, Map<Long, Failed> failed, int[] counts) {
        rows.add(encoded.text());
        failed.putAll(encoded.failures());
        counts[0] += encoded.proposals();
        counts[1] += encoded.rows();
    }

    /** The evaluations of a proposal's years, from its adoption year (or first plan year, if earlier) to the last completed. */
    private Computed evaluate(Pending pending, int lastYear) {
        Stored p = pending.stored();
        Proposal proposal = p.proposal();
        try {
            List<Evaluation> evaluations = evaluator.evaluateYears(proposal, p.actuals(),
                    Math.min(proposal.adoptionYear(), proposal.plan().firstYear()), lastYear);
            return new Computed(p.id(), evaluations, proposal.effectsFollowedUp(), pending.findings(), null);
        } catch (RuntimeException e) { // as above
            return new Computed(p.id(), List.of(), false, null, Failed.of(proposal.reference(), e));
        }
    }

    /** A proposal read, with its findings counted by severity. */
    private record Pending(Stored stored, int[] findings) {
    }

    /** A batch's rows as COPY text, the proposals and rows in it, and the batch's proposals that could not be evaluated. */
    private record Encoded(StringBuilder text, Map<Long, Failed> failures, int proposals, int rows) {
    }

    /** A proposal's evaluations and findings, or why it could not be evaluated. */
    private record Computed(long id, List<Evaluation> evaluations, boolean effectsFollowedUp, int[] findings, Failed failure) {
    }

    /** Stores a run's failures and logs each new one (or one whose message changed) once, with its reference. */
    private void record(boolean full, Map<Long, Failed> failed) {
        Map<Long, String> before = snapshots.failureMessages();
        Map<Long, String> messages = new LinkedHashMap<>();
        failed.forEach((id, f) -> {
            messages.put(id, f.message());
            if (!f.message().equals(before.get(id))) {
                LOG.warnf("Evaluation snapshots: proposal %s cannot be evaluated and is left out until its data is fixed: %s",
                        f.reference(), f.message());
            }
        });
        snapshots.storeFailures(full, messages);
    }

    /** A proposal that could not be evaluated: its reference and the message. */
    private record Failed(String reference, String message) {
        static Failed of(String reference, RuntimeException e) {
            return new Failed(reference, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
