package dk.kk.gevinstspor.snapshot;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dk.kk.gevinstspor.common.config.Today;
import dk.kk.gevinstspor.common.database.AdvisoryLock;
import dk.kk.gevinstspor.domain.Amount;
import dk.kk.gevinstspor.domain.Evaluation;
import dk.kk.gevinstspor.domain.Evaluator;
import dk.kk.gevinstspor.domain.FrameAllocation;
import dk.kk.gevinstspor.domain.FrameReport;
import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.domain.Ratio;
import dk.kk.gevinstspor.domain.TargetStatus;
import dk.kk.gevinstspor.domain.TargetType;
import dk.kk.gevinstspor.domain.rules.Finding;
import dk.kk.gevinstspor.domain.rules.Severity;
import dk.kk.gevinstspor.proposal.ProposalService;
import dk.kk.gevinstspor.portfolio.Portfolio;
import dk.kk.gevinstspor.portfolio.Selection;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * Computes the evaluation snapshots (V6, docs/reporting.md): for every proposal and accounts year from its adoption
 * (or first plan year, if earlier) to the last completed year, the domain's {@link Evaluator} and findings, and the
 * innovation frames of every adoption year. Proposals and actuals are read from the {@link Portfolio} (two statements
 * for the whole portfolio); rows are written in JDBC batches. One replica at a time: every run holds the advisory lock
 * {@value #LOCK}.
 */
@ApplicationScoped
public class SnapshotService {

    /** The advisory lock of snapshot work. */
    public static final String LOCK = "gevinstspor.evaluation-snapshots";

    /** What a run did: proposals evaluated, snapshot rows written, milliseconds taken; {@code full} for a rebuild. */
    public record Run(boolean full, int proposals, int rows, long millis) {
    }

    private static final Logger LOG = Logger.getLogger(SnapshotService.class);
    private static final int BATCH = 1_000;

    private final Portfolio portfolio;
    private final Evaluator evaluator;
    private final Today today;
    private final AdvisoryLock lock;
    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final ProposalService proposals;

    public SnapshotService(Portfolio portfolio, Evaluator evaluator, Today today, AdvisoryLock lock,
            EntityManager em, AgroalDataSource dataSource, ProposalService proposals) {
        this.proposals = proposals;
        this.portfolio = portfolio;
        this.evaluator = evaluator;
        this.today = today;
        this.lock = lock;
        this.em = em;
        this.dataSource = dataSource;
    }

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
        boolean done = (Boolean) em.createNativeQuery("SELECT coalesce(through_year = :year AND rebuilt_at >= to_timestamp(:since / 1000.0),"
                + " false) FROM evaluation_snapshot_state").setParameter("year", today.lastCompletedYear())
                .setParameter("since", startedMillis).getSingleResult();
        if (done) {
            LOG.info("Evaluation snapshots were rebuilt by another replica after this one started: no rebuild");
            return Optional.of(refreshLocked());
        }
        return Optional.of(rebuildLocked());
    }

    /** The database's clock, in milliseconds since 1970: one clock for every replica. */
    @Transactional
    public long databaseMillis() {
        return ((Number) em.createNativeQuery("SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint").getSingleResult())
                .longValue();
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
        Number through = (Number) em.createNativeQuery("SELECT through_year FROM evaluation_snapshot_state").getSingleResult();
        if (through == null || through.intValue() != today.lastCompletedYear()) {
            return rebuildLocked();
        }
        long started = System.nanoTime();
        em.createNativeQuery("CREATE TEMP TABLE snapshot_claim ON COMMIT DROP AS WITH claimed AS"
                + " (DELETE FROM evaluation_snapshot_dirty RETURNING proposal_id) SELECT proposal_id FROM claimed").executeUpdate();
        if (((Number) em.createNativeQuery("SELECT count(*) FROM snapshot_claim").getSingleResult()).longValue() == 0) {
            return new Run(false, 0, 0, 0);
        }
        em.createNativeQuery("DELETE FROM evaluation_snapshot WHERE proposal_id IN (SELECT proposal_id FROM snapshot_claim)")
                .executeUpdate();
        return compute(new Selection.MarkedForSnapshots(), false, started);
    }

    private Run rebuildLocked() {
        long started = System.nanoTime();
        em.createNativeQuery("DELETE FROM evaluation_snapshot").executeUpdate();
        em.createNativeQuery("DELETE FROM evaluation_snapshot_dirty").executeUpdate();
        em.createNativeQuery("UPDATE evaluation_snapshot_state SET through_year = :year, rebuilt_at = now()")
                .setParameter("year", today.lastCompletedYear()).executeUpdate();
        Run run = compute(new Selection.Everything(), true, started);
        LOG.infof("Evaluation snapshots rebuilt: %d proposals, %d rows in %d ms", run.proposals(), run.rows(), run.millis());
        return run;
    }

    /** Writes the frames of every adoption year and the snapshots of the selected proposals. */
    private Run compute(Selection selection, boolean full, long started) {
        Map<Integer, FrameReport> frames = new HashMap<>(portfolio.framesOfEveryYear());
        int lastYear = today.lastCompletedYear();
        int[] counts = new int[2];
        try (Connection connection = dataSource.getConnection(); Rows rows = new Rows(connection)) {
            rows.frames(frames);
            portfolio.each(selection, p -> {
                Proposal proposal = p.proposal();
                List<Finding> findings = proposals.findings(proposal, frames);
                for (int year = Math.min(proposal.adoptionYear(), proposal.plan().firstYear()); year <= lastYear; year++) {
                    rows.add(p.id(), evaluator.evaluate(proposal, p.actuals(), year), proposal.effectsFollowedUp(), findings);
                    counts[1]++;
                }
                counts[0]++;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Writing the evaluation snapshots failed: " + e.getMessage(), e);
        }
        return new Run(full, counts[0], counts[1], (System.nanoTime() - started) / 1_000_000);
    }

    /** Batched inserts on the transaction's connection. */
    private static final class Rows implements AutoCloseable {
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

        Rows(Connection connection) throws SQLException {
            this.connection = connection;
            this.insert = connection.prepareStatement(INSERT);
        }

        void frames(Map<Integer, FrameReport> frames) throws SQLException {
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

        void add(long proposalId, Evaluation e, boolean effectsFollowedUp, List<Finding> findings) {
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
            try {
                if (pending > 0) {
                    insert.executeBatch();
                }
            } finally {
                insert.close();
            }
        }
    }
}
