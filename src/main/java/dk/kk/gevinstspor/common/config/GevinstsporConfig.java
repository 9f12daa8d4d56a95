package dk.kk.gevinstspor.common.config;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings (prefix {@code gevinstspor}); each can be set as an environment variable. */
@ConfigMapping(prefix = "gevinstspor")
public interface GevinstsporConfig {

    /** "Today" for every what-year-is-it question; empty means the real date. */
    Optional<LocalDate> today();

    /** Password of the {@code admin} created on an empty database; empty means a generated one, logged once. */
    Optional<String> adminPassword();

    /** Load the demo portfolio and demo users on an empty database. */
    @WithDefault("false")
    boolean demo();

    /** Page sessions (docs/security.md: sessions). */
    Session session();

    interface Session {
        /** The longest a page session lasts from sign-in, however busy ({@code GEVINSTSPOR_SESSION_LIFETIME}). */
        @WithDefault("8H")
        java.time.Duration lifetime();

        /** A page session ends after this long without a request ({@code GEVINSTSPOR_SESSION_IDLE_TIMEOUT}). */
        @WithDefault("30M")
        java.time.Duration idleTimeout();
    }

    /** Bulk imports of actuals. */
    @io.smallrye.config.WithName("import")
    Import importConfig();

    interface Import {
        /** The largest file accepted, in bytes (413 above it). */
        @WithDefault("104857600")
        long maxBytes();
    }

    /** The evaluation snapshots' background job (docs/reporting.md). */
    Snapshots snapshots();

    interface Snapshots {
        /** How often each replica recomputes marked proposals ("off" switches the job off). */
        @WithDefault("10s")
        String every();

        /** How often each replica reads the job's backlog for its gauges (snapshot.SnapshotMetrics; "off" in tests). */
        @WithDefault("15s")
        String metricsEvery();
    }

    /** The database role of the reporting views (docs/reporting.md). */
    Reporting reporting();

    interface Reporting {
        /** Password of {@code gevinstspor_reporting}, set at start-up where the service may; empty: the role cannot log in. */
        Optional<String> password();
    }

    /** The thresholds of the evaluation (DOMAIN.md's defaults). */
    Evaluation evaluation();

    interface Evaluation {
        /** RED when cumulative realisation is below this. */
        @WithDefault("0.80")
        BigDecimal redRealisationBelow();

        /** AMBER when cumulative realisation is below this. */
        @WithDefault("0.95")
        BigDecimal amberRealisationBelow();

        /** RED when the spend ratio is above this. */
        @WithDefault("1.20")
        BigDecimal redSpendRatioAbove();

        /** AMBER when the spend ratio is above this. */
        @WithDefault("1.05")
        BigDecimal amberSpendRatioAbove();

        /** RED when a milestone is overdue by this many years or more. */
        @WithDefault("2")
        int redMilestoneOverdueYears();

        /** Tolerance for explanations, KPIs and fully implemented. */
        @WithDefault("0.05")
        BigDecimal tolerance();
    }
}
