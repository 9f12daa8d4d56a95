package dk.kk.gevinstspor.common.metrics;

import java.time.Duration;
import java.util.Set;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Histogram buckets for the timers whose percentiles the Drift dashboard shows (HTTP requests, report times), so
 * that Prometheus computes percentiles over all replicas ({@code histogram_quantile}); nine fixed buckets per series
 * rather than Micrometer's ~70 keep the series few. docs/reporting.md, Metrics.
 */
public class LatencyHistograms {

    static final Set<String> TIMERS = Set.of("http.server.requests", "gevinstspor.report.duration");

    static final Duration[] BUCKETS = { Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(10) };

    @Produces
    @Singleton
    MeterFilter latencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!TIMERS.contains(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(
                        java.util.Arrays.stream(BUCKETS).mapToDouble(d -> d.toNanos()).toArray()).build().merge(config);
            }
        };
    }
}
