package dk.kk.gevinstspor.snapshot;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
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

    private static final int BATCH = 1_000;
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

    /** The database's clock, in milliseconds since 1970: one clock for every replica. */
    long databaseMillis() {
        return ((Number) em.createNativeQuery("SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint").getSingleResult())
                .longValue();
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

    /** Batched inserts of snapshot rows on the transaction's connection. */
    public static final class Writer implements AutoCloseable {
        private static final String INSERT = "INSERT INTO evaluation_snapshot (proposal_id, year, follow_up_year, status,"
                + " planned_pool_money, actual_pool_money, planned_gain, actual_gain, cumulative_planned_pool_money,"
                + " cumulative_actual_pool_money, cumulative_planned_gain, cumulative_actual_gain, realisation,"
                + " cumulative_realisation, spend_ratio, effects_followed_up, fully_implemented, fully_implemented_year, cancelled,"
                + " loan_status, loan_principal, loan_scheduled_to_date, loan_repaid_to_date, loan_outstanding, milestones,"
                + " milestones_met, milestones_overdue, targets_not_met, error_findings, warning_findings, info_findings)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

        private final Connection connection;
        private final PreparedStatement insert;
        private int pending;

        private Writer(Connection connection) throws SQLException {
            this.connection = connection;
            this.insert = connection.prepareStatement(INSERT);
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

        /** Adds the snapshot row of a proposal's evaluation in one year. */
        public void add(long proposalId, Evaluation e, boolean effectsFollowedUp, List<Finding> findings) {
            try {
                int i = 1;
                insert.setLong(i++, proposalId);
                insert.setInt(i++, e.year());
                insert.setInt(i++, e.followUpYear());
                insert.setString(i++, e.status().name());
                var f = e.figures();
                for (Amount a : List.of(f.plannedPoolMoney(), f.actualPoolMoney(), f.plannedGain(), f.actualGain(),
                        f.cumulativePlannedPoolMoney(), f.cumulativeActualPoolMoney(), f.cumulativePlannedGain(),
                        f.cumulativeActualGain())) {
                    insert.setBigDecimal(i++, a.value());
                }
                insert.setBigDecimal(i++, shown(e.realisation().year()));
                insert.setBigDecimal(i++, shown(e.realisation().cumulative()));
                insert.setBigDecimal(i++, shown(e.spendRatio()));
                insert.setBoolean(i++, effectsFollowedUp);
                insert.setBoolean(i++, e.fullyImplemented().isFullyImplemented());
                if (e.fullyImplemented().year().isPresent()) {
                    insert.setInt(i++, e.fullyImplemented().year().get());
                } else {
                    insert.setNull(i++, Types.INTEGER);
                }
                insert.setBoolean(i++, e.cancelled());
                insert.setString(i++, e.loan().map(l -> l.status().name()).orElse(null));
                insert.setBigDecimal(i++, e.loan().map(l -> l.principal().value()).orElse(null));
                insert.setBigDecimal(i++, e.loan().map(l -> l.scheduledToDate().value()).orElse(null));
                insert.setBigDecimal(i++, e.loan().map(l -> l.repaidToDate().value()).orElse(null));
                insert.setBigDecimal(i++, e.loan().map(l -> l.outstanding().value()).orElse(null));
                var milestones = e.targets().stream().filter(t -> t.type() == TargetType.MILESTONE).toList();
                insert.setInt(i++, milestones.size());
                insert.setInt(i++, (int) milestones.stream().filter(t -> t.status() == TargetStatus.MET).count());
                insert.setInt(i++, (int) milestones.stream().filter(t -> t.status() == TargetStatus.NOT_MET).count());
                insert.setInt(i++, (int) e.targets().stream().filter(t -> t.status() == TargetStatus.NOT_MET).count());
                for (Severity severity : List.of(Severity.ERROR, Severity.WARNING, Severity.INFO)) {
                    insert.setInt(i++, (int) findings.stream().filter(x -> x.severity() == severity).count());
                }
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            } catch (SQLException ex) {
                throw new IllegalStateException("Writing the evaluation snapshots failed: " + ex.getMessage(), ex);
            }
        }

        private static BigDecimal shown(Optional<Ratio> ratio) {
            return ratio.map(Ratio::shown).orElse(null);
        }

        @Override
        public void close() throws SQLException {
            try (connection; insert) {
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        }
    }
}
