package dk.kk.gevinstspor.snapshot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dk.kk.gevinstspor.common.error.ProblemMapper;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The background job of the snapshots, on every replica: its first run after start-up rebuilds them all (after the
 * migrations, without delaying readiness) unless another replica has done so since this one started, later runs
 * recompute the marked proposals; either only while no other
 * replica holds the lock (a replica that finds it taken tries again at its next run). Every run reads the proposal
 * gauges and the backlog's ({@link SnapshotMetrics}) afresh, so each replica reports the same figures.
 */
@ApplicationScoped
public class SnapshotJob {

    private static final Logger LOG = Logger.getLogger(SnapshotJob.class);

    @Inject
    SnapshotService snapshots;
    @Inject
    ProposalGauges gauges;
    @Inject
    SnapshotMetrics metrics;
    private volatile boolean rebuiltSinceStart;
    private volatile long startedMillis;

    void onStart(@Observes StartupEvent event) {
        startedMillis = snapshots.databaseMillis();
    }

    /** The first run waits 5 s, so that the start-up rebuild does not take the CPU readiness needs. */
    @Scheduled(identity = "evaluation-snapshots", every = "${gevinstspor.snapshots.every:10s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            if (rebuiltSinceStart) {
                snapshots.refresh();
            } else {
                rebuiltSinceStart = snapshots.rebuildIfFree(startedMillis).isPresent();
            }
            gauges.update();
        } catch (RuntimeException e) {
            if (!ProblemMapper.databaseUnavailable(e)) {
                throw e;
            }
            // while the database is away: one line per run, not a stack trace; the next run after it returns catches up
            LOG.warnf("Evaluation snapshots not refreshed, the database is not available: %s", e.getMessage());
        } finally {
            metrics.refresh();
        }
    }
}
