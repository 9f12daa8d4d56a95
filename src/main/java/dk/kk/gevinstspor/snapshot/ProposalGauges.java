package dk.kk.gevinstspor.snapshot;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dk.kk.gevinstspor.common.config.Today;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * The gauge {@code gevinstspor.proposals}: proposals by follow-up status and lead administration in the last completed
 * accounts year, read from the snapshots (so the domain's status). Tags: status, administration (at most 5 × 7
 * series); never a reference. And the gauge {@value #FAILED}: how many proposals the snapshots could not evaluate.
 */
@ApplicationScoped
public class ProposalGauges {

    public static final String NAME = "gevinstspor.proposals";
    /** The gauge of the proposals the snapshots could not evaluate (docs/reporting.md, Failures). */
    public static final String FAILED = "gevinstspor.snapshots.failed";

    @Inject
    SnapshotRepository snapshots;
    @Inject
    MeterRegistry registry;
    @Inject
    Today today;
    private final Map<List<String>, AtomicLong> values = new ConcurrentHashMap<>();
    private final AtomicLong failed = new AtomicLong();

    /** Registers {@value #FAILED} at 0 from the start, so that a rise from 0 is seen ({@code increase()}, alerts). */
    void register(@Observes StartupEvent event) {
        Gauge.builder(FAILED, failed, AtomicLong::get).description("Proposals the evaluation snapshots could not evaluate")
                .register(registry);
    }

    /** Reads the counts from the snapshots; a pair no longer present drops to 0. */
    @Transactional
    public void update() {
        failed.set(snapshots.failureCount());
        List<Object[]> rows = snapshots.statusCounts(today.lastCompletedYear());
        values.values().forEach(v -> v.set(0));
        for (Object[] r : rows) {
            List<String> key = List.of((String) r[0], (String) r[1]);
            values.computeIfAbsent(key, k -> {
                AtomicLong value = new AtomicLong();
                Gauge.builder(NAME, value, AtomicLong::get).description("Proposals by follow-up status in the last completed accounts year")
                        .tags("status", k.get(0), "administration", k.get(1)).register(registry);
                return value;
            }).set(((Number) r[2]).longValue());
        }
    }
}
