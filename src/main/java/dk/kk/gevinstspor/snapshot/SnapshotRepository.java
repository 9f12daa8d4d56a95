package dk.kk.gevinstspor.snapshot;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import dk.kk.gevinstspor.domain.Amount;
import dk.kk.gevinstspor.domain.Evaluation;
import dk.kk.gevinstspor.domain.FrameAllocation;
import dk.kk.gevinstspor.domain.FrameReport;
import dk.kk.gevinstspor.domain.Ratio;
import dk.kk.gevinstspor.domain.TargetStatus;
import dk.kk.gevinstspor.domain.TargetType;
import dk.kk.gevinstspor.domain.rules.Finding;
import dk.kk.gevinstspor.domain.rules.Severity;
import dk.kk.gevinstspor.portfolio.Selection;
import io.agroal.api.AgroalDataSource;

/**
 * The snapshot tables (V6, docs/reporting.md): {@code evaluation_snapshot} and {@code frame_snapshot}, the marks in
 * {@code evaluation_snapshot_dirty} and the state in {@code evaluation_snapshot_state}. Called in the caller's
 * transaction.
 */
@ApplicationScoped
public class SnapshotRepository {

    private static final String MARK = "INSERT INTO evaluation_snapshot_dirty (proposal_id) SELECT DISTINCT id FROM (%s) ids(id)"
            + " ON CONFLICT (proposal_id) DO UPDATE SET marked_at = now()";
    /** The proposals in the innovation pool's frames of an adoption year: their findings depend on each other. */
    private static final String FRAME_MATES = "SELECT q.id FROM proposal q WHERE " + Selection.innovationPool("q")
            + " AND q.adoption_year = %s";

    @Inject
    EntityManager em;
    @Inject
    AgroalDataSource dataSource;

    /** True when the snapshots were rebuilt for this accounts year at or after {@code sinceMillis} (the database's clock). */
    boolean rebuiltSince(int year, long sinceMillis) {
        return (Boolean) em.createNativeQuery("SELECT coalesce(through_year = :year AND rebuilt_at >= to_timestamp(:since / 1000.0),"
                + " false) FROM evaluation_snapshot_state").setParameter("year", year).setParameter("since", sinceMillis)
                .getSingleResult();
    }

    /**
     * The database's clock, in whole milliseconds since 1970: one clock for every replica. Rounded down, so that a
     * rebuild begun after it never counts as before it ({@link #rebuiltSince}).
     */
    long databaseMillis() {
        return ((Number) em.createNativeQuery("SELECT floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint").getSingleResult())
                .longValue();
    }

    /** Notes that a run ends now (committed with the run): {@link SnapshotMetrics}' last success. */
    void recordRun() {
        em.createNativeQuery("UPDATE evaluation_snapshot_state SET last_run_at = now()").executeUpdate();
    }

    /**
     * The snapshot job's backlog as {@link SnapshotMetrics} shows it, on a connection of its own outside any transaction
     * (JDBC, so Hibernate's statistics do not count it): proposals marked and not yet recomputed, the age of the oldest
     * mark in seconds (0 without marks) and the Unix time of the last run (0 before the first). One scan of the mark
     * table, which the job empties every run (a few rows; after a large import at most one row per proposal).
     */
    Backlog backlog() throws SQLException {
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement();
                var row = statement.executeQuery("SELECT m.waiting, coalesce(extract(epoch FROM now() - m.oldest), 0),"
                        + " coalesce(extract(epoch FROM s.last_run_at), 0) FROM (SELECT count(*) AS waiting, min(marked_at) AS oldest"
                        + " FROM evaluation_snapshot_dirty) m CROSS JOIN evaluation_snapshot_state s")) {
            row.next();
            return new Backlog(row.getLong(1), row.getDouble(2), row.getDouble(3));
        }
    }

    /** See {@link #backlog()}. */
    record Backlog(long waiting, double oldestMarkAgeSeconds, double lastRunEpochSeconds) {
    }

    /** The accounts year the snapshots were last rebuilt for, if ever. */
    Optional<Integer> throughYear() {
        Number through = (Number) em.createNativeQuery("SELECT through_year FROM evaluation_snapshot_state").getSingleResult();
        return Optional.ofNullable(through).map(Number::intValue);
    }

    /**
     * Claims the marked proposals and those that failed before (tried again every run, so that data fixed by hand is
     * seen) for this transaction (their marks are removed, their ids kept in the temporary table {@code snapshot_claim}
     * that {@link Selection.MarkedForSnapshots} reads) and removes their snapshots; returns how many were claimed.
     */
    long claimMarked() {
        em.createNativeQuery("CREATE TEMP TABLE snapshot_claim ON COMMIT DROP AS WITH claimed AS"
                + " (DELETE FROM evaluation_snapshot_dirty RETURNING proposal_id) SELECT proposal_id FROM claimed"
                + " UNION SELECT proposal_id FROM snapshot_failure").executeUpdate();
        long claimed = ((Number) em.createNativeQuery("SELECT count(*) FROM snapshot_claim").getSingleResult()).longValue();
        if (claimed > 0) {
            em.createNativeQuery("DELETE FROM evaluation_snapshot WHERE proposal_id IN (SELECT proposal_id FROM snapshot_claim)")
                    .executeUpdate();
        }
        return claimed;
    }

    /** Removes every snapshot and mark, for a rebuild through the accounts year. */
    void clear(int throughYear) {
        em.createNativeQuery("DELETE FROM evaluation_snapshot").executeUpdate();
        em.createNativeQuery("DELETE FROM evaluation_snapshot_dirty").executeUpdate();
        em.createNativeQuery("UPDATE evaluation_snapshot_state SET through_year = :year, rebuilt_at = now()")
                .setParameter("year", throughYear).executeUpdate();
    }

    /** A writer of snapshot rows on the transaction's connection. */
    Writer writer() throws SQLException {
        return new Writer(dataSource.getConnection());
    }

    /** Marks every proposal an SQL query returns (its only column: proposal ids). */
    void markAll(String proposalIds) {
        em.createNativeQuery(MARK.formatted(proposalIds)).executeUpdate();
    }

    /** Marks a proposal and, when it is in the innovation pool, the pool's other proposals of its adoption year. */
    void markWithFrameMates(long id) {
        em.createNativeQuery(MARK.formatted("SELECT :id UNION ALL " + FRAME_MATES.formatted(
                "(SELECT p.adoption_year FROM proposal p WHERE p.id = :id AND " + Selection.innovationPool("p") + ")")))
                .setParameter("id", id).executeUpdate();
    }

    /** Marks the innovation pool's proposals of an adoption year. */
    void markFrames(int adoptionYear) {
        em.createNativeQuery(MARK.formatted(FRAME_MATES.formatted(":year"))).setParameter("year", adoptionYear).executeUpdate();
    }

    /** The stored failures' messages by proposal id. */
    @SuppressWarnings("unchecked")
    Map<Long, String> failureMessages() {
        Map<Long, String> messages = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT proposal_id, message FROM snapshot_failure").getResultList()) {
            messages.put(((Number) r[0]).longValue(), (String) r[1]);
        }
        return messages;
    }

    /**
     * Stores a run's failures (proposal id → message): removes those of the proposals the run computed (all, when
     * {@code full}; else the claimed ones) that no longer fail, and adds or updates the others; a changed message
     * restarts its "since".
     */
    void storeFailures(boolean full, Map<Long, String> failed) {
        var delete = em.createNativeQuery("DELETE FROM snapshot_failure WHERE " + (full ? "true" : "proposal_id IN (SELECT proposal_id"
                + " FROM snapshot_claim)") + (failed.isEmpty() ? "" : " AND proposal_id NOT IN (:ids)"));
        if (!failed.isEmpty()) {
            delete.setParameter("ids", failed.keySet());
        }
        delete.executeUpdate();
        failed.forEach((id, message) -> em.createNativeQuery("INSERT INTO snapshot_failure (proposal_id, message) VALUES (:id, :message)"
                + " ON CONFLICT (proposal_id) DO UPDATE SET message = excluded.message, failing_since = CASE WHEN"
                + " snapshot_failure.message = excluded.message THEN snapshot_failure.failing_since ELSE now() END")
                .setParameter("id", id).setParameter("message", message).executeUpdate());
    }

    /** The stored failures, the oldest first. */
    @SuppressWarnings("unchecked")
    List<SnapshotFailure> failures() {
        List<SnapshotFailure> failures = new ArrayList<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT p.reference, p.title, f.message, f.failing_since"
                + " FROM snapshot_failure f JOIN proposal p ON p.id = f.proposal_id ORDER BY f.failing_since, p.reference").getResultList()) {
            failures.add(new SnapshotFailure((String) r[0], (String) r[1], (String) r[2], instant(r[3])));
        }
        return failures;
    }

    /** How many proposals the snapshots could not evaluate. */
    long failureCount() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM snapshot_failure").getSingleResult()).longValue();
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime o ? o.toInstant() : value instanceof Timestamp t ? t.toInstant() : (Instant) value;
    }

    /** Per follow-up status and lead administration, how many proposals have it in the accounts year. */
    @SuppressWarnings("unchecked")
    List<Object[]> statusCounts(int year) {
        return em.createNativeQuery("SELECT s.status, p.lead_administration, count(*) FROM evaluation_snapshot s"
                + " JOIN proposal p ON p.id = s.proposal_id WHERE s.year = :year GROUP BY s.status, p.lead_administration")
                .setParameter("year", year).getResultList();
    }

    /**
     * Writes snapshot rows on the transaction's connection with {@code COPY … FROM STDIN} (PostgreSQL's
     * {@link CopyManager}): rows are encoded as COPY text ({@link #encode}, on any thread), kept in a buffer and sent
     * when it holds {@value #CHUNK} characters, between the reads of the portfolio's streams (a COPY in progress would
     * block the connection they fetch on).
     */
    public static final class Writer implements AutoCloseable {
        private static final String COPY = "COPY evaluation_snapshot (proposal_id, year, follow_up_year, status,"
                + " planned_pool_money, actual_pool_money, planned_gain, actual_gain, cumulative_planned_pool_money,"
                + " cumulative_actual_pool_money, cumulative_planned_gain, cumulative_actual_gain, realisation,"
                + " cumulative_realisation, spend_ratio, effects_followed_up, fully_implemented, fully_implemented_year, cancelled,"
                + " loan_status, loan_principal, loan_scheduled_to_date, loan_repaid_to_date, loan_outstanding, milestones,"
                + " milestones_met, milestones_overdue, targets_not_met, error_findings, warning_findings, info_findings)"
                + " FROM STDIN (FORMAT text)";
        /** Characters of COPY text sent at a time (about 5,000 rows). */
        static final int CHUNK = 1 << 20;

        private final Connection connection;
        private final CopyManager copy;
        private final StringBuilder rows = new StringBuilder(CHUNK + 4096);

        private Writer(Connection connection) throws SQLException {
            this.connection = connection;
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        }

        /** Replaces the frames of every adoption year. */
        public void frames(Map<Integer, FrameReport> frames) throws SQLException {
            try (var delete = connection.createStatement();
                    PreparedStatement ps = connection.prepareStatement("INSERT INTO frame_snapshot (adoption_year, frame,"
                            + " limit_amount, allocated, exceeded) VALUES (?, ?, ?, ?, ?)")) {
                delete.execute("DELETE FROM frame_snapshot");
                for (FrameReport report : frames.values()) {
                    for (FrameAllocation f : report.frames()) {
                        ps.setInt(1, report.adoptionYear());
                        ps.setString(2, f.frame().name());
                        ps.setBigDecimal(3, f.limit().value());
                        ps.setBigDecimal(4, f.allocated().value());
                        ps.setBoolean(5, f.exceeded());
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
        }

        /** Adds rows {@link #encode encoded} as COPY text; sends them once the buffer holds {@value #CHUNK} characters. */
        public void add(CharSequence encoded) {
            rows.append(encoded);
            if (rows.length() >= CHUNK) {
                send();
            }
        }

        /**
         * Appends the snapshot rows of a proposal's evaluations (its years) to {@code r} as COPY text; {@code findings}
         * counted by severity: error, warning, info (the proposal's, the same every year). Pure: any thread may encode.
         */
        public static void encode(StringBuilder r, long proposalId, List<Evaluation> evaluations, boolean effectsFollowedUp, int[] findings) {
            for (Evaluation e : evaluations) {
                row(r, proposalId, e, effectsFollowedUp, findings);
            }
        }

        private static void row(StringBuilder r, long proposalId, Evaluation e, boolean effectsFollowedUp, int[] findings) {
            r.append(proposalId).append('\t').append(e.year()).append('\t').append(e.followUpYear()).append('\t').append(e.status().name());
            var f = e.figures();
            amount(r, f.plannedPoolMoney());
            amount(r, f.actualPoolMoney());
            amount(r, f.plannedGain());
            amount(r, f.actualGain());
            amount(r, f.cumulativePlannedPoolMoney());
            amount(r, f.cumulativeActualPoolMoney());
            amount(r, f.cumulativePlannedGain());
            amount(r, f.cumulativeActualGain());
            value(r, shown(e.realisation().year()));
            value(r, shown(e.realisation().cumulative()));
            value(r, shown(e.spendRatio()));
            value(r, effectsFollowedUp ? "t" : "f");
            value(r, e.fullyImplemented().isFullyImplemented() ? "t" : "f");
            value(r, e.fullyImplemented().year().orElse(null));
            value(r, e.cancelled() ? "t" : "f");
            var loan = e.loan().orElse(null);
            if (loan == null) {
                r.append("\t\\N\t\\N\t\\N\t\\N\t\\N");
            } else {
                value(r, loan.status().name());
                amount(r, loan.principal());
                amount(r, loan.scheduledToDate());
                amount(r, loan.repaidToDate());
                amount(r, loan.outstanding());
            }
            int milestones = 0;
            int met = 0;
            int overdue = 0;
            int notMet = 0;
            for (var t : e.targets()) {
                boolean milestone = t.type() == TargetType.MILESTONE;
                milestones += milestone ? 1 : 0;
                met += milestone && t.status() == TargetStatus.MET ? 1 : 0;
                overdue += milestone && t.status() == TargetStatus.NOT_MET ? 1 : 0;
                notMet += t.status() == TargetStatus.NOT_MET ? 1 : 0;
            }
            r.append('\t').append(milestones).append('\t').append(met).append('\t').append(overdue).append('\t').append(notMet)
                    .append('\t').append(findings[0]).append('\t').append(findings[1]).append('\t').append(findings[2]).append('\n');
        }

        /** Counts findings by severity: error, warning, info. */
        public static int[] bySeverity(List<Finding> findings) {
            int[] counts = new int[3];
            for (Finding finding : findings) {
                counts[finding.severity() == Severity.ERROR ? 0 : finding.severity() == Severity.WARNING ? 1 : 2]++;
            }
            return counts;
        }

        private static void amount(StringBuilder r, Amount amount) {
            r.append('\t').append(amount.value().toPlainString());
        }

        /** A column: tab, then the value or COPY's null. The values are numbers, booleans and enum names: nothing to escape. */
        private static void value(StringBuilder r, Object value) {
            r.append('\t');
            if (value == null) {
                r.append("\\N");
            } else {
                r.append(value instanceof BigDecimal d ? d.toPlainString() : value.toString());
            }
        }

        private void send() {
            try {
                copy.copyIn(COPY, new StringReader(rows.toString()));
                rows.setLength(0);
            } catch (SQLException | IOException ex) {
                throw new IllegalStateException("Writing the evaluation snapshots failed: " + ex.getMessage(), ex);
            }
        }

        private static BigDecimal shown(Optional<Ratio> ratio) {
            return ratio.map(Ratio::shown).orElse(null);
        }

        @Override
        public void close() throws SQLException {
            try (connection) {
                if (!rows.isEmpty()) {
                    send();
                }
            }
        }
    }
}
