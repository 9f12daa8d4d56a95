package dk.kk.gevinstspor.snapshot;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The snapshot job's backlog as gauges (docs/reporting.md, Metrics), for the alert that the job lags:
 * {@value #WAITING} (proposals marked and not yet recomputed), {@value #OLDEST_MARK_AGE} (seconds, age of the oldest
 * waiting mark, 0 when none) and {@value #LAST_SUCCESS} (seconds, Unix time of the last run that committed, 0 before
 * the first). A scrape reads the values kept here, never the database: one query refreshes them every
 * {@code gevinstspor.snapshots.metrics-every} (15 s) and after each run of the job, so a scrape stays cheap and answers
 * while the database is away (the values then stay as last read). Registered at 0 at start-up. Read from the database,
 * so every replica shows the same figures: dashboards and alerts take {@code max}.
 */
@ApplicationScoped
public class SnapshotMetrics {

    public static final String WAITING = "gevinstspor.snapshots.waiting";
    public static final String OLDEST_MARK_AGE = "gevinstspor.snapshots.oldest.mark.age";
    public static final String LAST_SUCCESS = "gevinstspor.snapshots.last.success.timestamp";

    private static final Logger LOG = Logger.getLogger(SnapshotMetrics.class);

    @Inject
    SnapshotRepository snapshots;
    @Inject
    MeterRegistry registry;
    private volatile SnapshotRepository.Backlog backlog = new SnapshotRepository.Backlog(0, 0, 0);

    void register(@Observes StartupEvent event) {
        Gauge.builder(WAITING, this, m -> m.backlog.waiting())
                .description("Proposals whose evaluation snapshots are marked out of date and not yet recomputed").register(registry);
        Gauge.builder(OLDEST_MARK_AGE, this, m -> m.backlog.oldestMarkAgeSeconds()).baseUnit("seconds")
                .description("Age of the oldest mark the snapshot job has not yet recomputed (0 when none)").register(registry);
        Gauge.builder(LAST_SUCCESS, this, m -> m.backlog.lastRunEpochSeconds()).baseUnit("seconds")
                .description("Unix time of the last snapshot run that completed (0 before the first)").register(registry);
    }

    /** Reads the backlog; on a database error the values stay as they were (logged at debug: readiness reports it). */
    @Scheduled(identity = "snapshot-metrics", every = "${gevinstspor.snapshots.metrics-every:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        try {
            backlog = snapshots.backlog();
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Snapshot metrics not refreshed: %s", e.getMessage());
        }
    }
}
