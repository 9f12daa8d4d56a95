package dk.kk.gevinstspor.snapshot;

import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.evaluation;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.putActuals;
import static dk.kk.gevinstspor.proposal.Bodies.actuals;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.admin.SettingsService;
import dk.kk.gevinstspor.common.events.ProposalChanged;
import dk.kk.gevinstspor.proposal.Api;
import dk.kk.gevinstspor.proposal.Bodies;
import dk.kk.gevinstspor.proposal.GeneratedProposals;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Evaluation snapshots: writes mark proposals, the job recomputes them with the domain's figures (the same the
 * evaluation endpoint gives), only one replica at a time, and admins rebuild them all. The job is off in tests
 * ({@code %test.gevinstspor.snapshots.every=off}), so each test runs it when it wants to.
 */
@QuarkusTest
class SnapshotJobTest {

    @Inject
    SnapshotJob job;

    @Inject
    SnapshotService snapshots;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Event<ProposalChanged> changes;

    @Inject
    SettingsService settings;

    @Inject
    SessionFactory sessionFactory;

    @Test
    void a_new_proposal_and_its_actuals_are_marked_and_the_job_stores_the_domains_evaluation_for_each_accounts_year() throws SQLException {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        assertThat(marked(ref)).isTrue();
        job.run();
        putActuals(ref, 2026, actuals(2026, 2_900_000, 0, 0, 0, 0)).statusCode(200);
        Map<String, Object> late = actuals(2027, 800_000, 0, 0, 400_000, 0);
        late.put("explanation", "Udrulningen er forsinket et halvt år");
        putActuals(ref, 2027, late).statusCode(200);
        assertThat(marked(ref)).isTrue();

        job.run();

        assertThat(marked(ref)).isFalse();
        List<Map<String, Object>> rows = rows("SELECT s.year, s.status, s.cumulative_realisation, s.spend_ratio, s.actual_gain,"
                + " s.fully_implemented, s.milestones, s.milestones_met, s.error_findings FROM evaluation_snapshot s"
                + " JOIN proposal p ON p.id = s.proposal_id WHERE p.reference = ? ORDER BY s.year", ref);
        // adopted 2026 (the budget), the last completed accounts year of the tests is 2029
        assertThat(rows).extracting(r -> r.get("year")).containsExactly(2026, 2027, 2028, 2029);
        for (Map<String, Object> row : rows) {
            JsonPath e = evaluation(ref, (Integer) row.get("year")).statusCode(200).extract().jsonPath();
            assertThat(row.get("status")).isEqualTo(e.getString("status"));
            assertThat(decimal(row.get("cumulative_realisation"))).isEqualTo(decimal(e.get("realisation.cumulative")));
            assertThat(decimal(row.get("spend_ratio"))).isEqualTo(decimal(e.get("spendRatio")));
            assertThat(decimal(row.get("actual_gain"))).isEqualTo(decimal(e.get("figures.actualGain")));
            assertThat(row.get("fully_implemented")).isEqualTo(e.getBoolean("fullyImplemented"));
            assertThat(row.get("milestones")).isEqualTo(1);
            assertThat(row.get("error_findings")).isEqualTo(0);
        }
        assertThat(rows.get(1).get("status")).isEqualTo("AMBER");
        assertThat(rows.get(2).get("status")).isEqualTo("MISSING");
    }

    /**
     * GET …/evaluation gives an answer again while the proposal's snapshots are current (the stamp's one statement and
     * the sign-in's, nothing read or evaluated), and a change shows at once: it marks the proposal, which is then
     * evaluated on every request until the job has recomputed it.
     */
    @Test
    void an_evaluation_is_given_again_while_its_snapshots_are_current_and_a_change_shows_at_once() throws SQLException {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        putActuals(ref, 2026, actuals(2026, 2_900_000, 0, 0, 0, 0)).statusCode(200);
        job.run();
        String before = evaluation(ref, 2027).statusCode(200).extract().asString();
        assertThat(statementsOf(ref, 2027)).as("an answer given again").isEqualTo(2);
        assertThat(evaluation(ref, 2027).extract().asString()).isEqualTo(before);

        Map<String, Object> entered = actuals(2027, 0, 0, 0, 400_000, 0);
        entered.put("explanation", "Udrulningen er forsinket et halvt år");
        putActuals(ref, 2027, entered).statusCode(200);
        assertThat(marked(ref)).isTrue();
        JsonPath changed = evaluation(ref, 2027).statusCode(200).extract().jsonPath();
        assertThat(changed.prettify()).isNotEqualTo(JsonPath.from(before).prettify());
        assertThat(decimal(changed.get("figures.actualGain"))).isEqualByComparingTo("400000");
        assertThat(statementsOf(ref, 2027)).as("a marked proposal, read and evaluated").isEqualTo(4);

        job.run();
        assertThat(JsonPath.from(evaluation(ref, 2027).extract().asString()).prettify()).isEqualTo(changed.prettify());
        assertThat(statementsOf(ref, 2027)).as("given again after the job").isEqualTo(2);
    }

    /** The statements of one GET …/evaluation, with its sign-in (Hibernate's statistics). */
    private long statementsOf(String reference, int year) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        evaluation(reference, year).statusCode(200);
        return statistics.getPrepareStatementCount();
    }

    @Test
    void an_import_marks_its_proposals_in_one_statement_and_a_dry_run_marks_nothing() throws SQLException {
        String a = Bodies.reference("SOF");
        String b = Bodies.reference("SOF");
        created(Bodies.investment(a));
        created(Bodies.investment(b));
        job.run();
        String csv = "reference;year;investment;operationFunding;operatingCost;serviceEfficiency;transferEffect;repayment\n"
                + a + ";2026;3.000.000;0;0;0;0;0\n" + b + ";2026;3.000.000;0;0;0;0;0\n";
        importCsv(csv, "?dryRun=true").statusCode(200);
        assertThat(marked(a)).isFalse();
        importCsv(csv, "").statusCode(200);
        assertThat(marked(a)).isTrue();
        assertThat(marked(b)).isTrue();
        job.run();
        assertThat(rows("SELECT s.status FROM evaluation_snapshot s JOIN proposal p ON p.id = s.proposal_id"
                + " WHERE p.reference = ? AND s.year = 2026", b)).singleElement()
                .satisfies(r -> assertThat(r.get("status")).isEqualTo(evaluation(b, 2026).extract().path("status")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_pool_proposal_marks_its_adoption_years_pool_and_so_does_a_change_of_that_years_frame_limits() throws SQLException {
        String first = Bodies.reference("SUF");
        String second = Bodies.reference("SUF");
        created(Bodies.preAnalysisWithLoan(first));
        job.run();
        created(Bodies.preAnalysisWithLoan(second));
        assertThat(marked(first)).as("a frame mate of the new proposal").isTrue();
        job.run();
        Map<String, Object> limits = json().get("/api/innovation-frames/2021/limits").then().statusCode(200).extract().as(Map.class);
        json().body(limits).put("/api/innovation-frames/2021/limits").then().statusCode(200);
        assertThat(marked(first)).isTrue();
        assertThat(marked(second)).isTrue();

        job.run();
        List<String> severities = json().get("/api/proposals/{ref}", first).then().statusCode(200).extract().path("findings.severity");
        assertThat(rows("SELECT s.error_findings, s.warning_findings, s.info_findings FROM evaluation_snapshot s"
                + " JOIN proposal p ON p.id = s.proposal_id WHERE p.reference = ? AND s.year = 2029", first)).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("error_findings")).isEqualTo((int) severities.stream().filter("ERROR"::equals).count());
                    assertThat(r.get("warning_findings")).isEqualTo((int) severities.stream().filter("WARNING"::equals).count());
                    assertThat(r.get("info_findings")).isEqualTo((int) severities.stream().filter("INFO"::equals).count());
                });
    }

    @Test
    void a_cancellation_marks_its_proposal_when_it_takes_effect_with_the_third_approval() throws SQLException {
        String ref = Bodies.reference("BIF");
        created(Bodies.investment(ref));
        job.run();
        long id = json().body(Bodies.map("type", "CANCELLATION", "description", "Projektet stoppes", "effectiveYear", 2027))
                .post("/api/proposals/{ref}/decisions", ref).then().statusCode(201).extract().jsonPath().getLong("id");
        for (String body : List.of("COMMITTEE", "FINANCE_COMMITTEE")) {
            approve(ref, id, body);
        }
        assertThat(marked(ref)).as("pending: nothing the domain evaluates has changed").isFalse();
        approve(ref, id, "CITY_COUNCIL");
        assertThat(marked(ref)).isTrue();
        job.run();
        assertThat(rows("SELECT s.year, s.cancelled FROM evaluation_snapshot s JOIN proposal p ON p.id = s.proposal_id"
                + " WHERE p.reference = ? ORDER BY s.year", ref)).extracting(r -> r.get("year") + ":" + r.get("cancelled"))
                .containsExactly("2026:false", "2027:true", "2028:true", "2029:true");
    }

    private static void approve(String ref, long id, String body) {
        json().body(Bodies.map("date", "2027-03-01", "caseReference", body + "-1"))
                .put("/api/proposals/{ref}/decisions/{id}/approvals/{body}", ref, id, body).then().statusCode(200);
    }

    @Test
    void while_another_replica_holds_the_lock_the_job_leaves_the_marks_for_its_next_run() throws SQLException {
        String ref = Bodies.reference("TMF");
        created(Bodies.investment(ref));
        try (Connection other = dataSource.getConnection(); Statement s = other.createStatement()) {
            s.execute("SELECT pg_advisory_lock(hashtext('" + SnapshotService.LOCK + "'))");
            assertThat(snapshots.refresh()).isEmpty();
            assertThat(marked(ref)).isTrue();
            s.execute("SELECT pg_advisory_unlock(hashtext('" + SnapshotService.LOCK + "'))");
        }
        assertThat(snapshots.refresh()).isPresent();
        assertThat(marked(ref)).isFalse();
    }

    @Test
    void a_replica_started_before_another_ones_rebuild_does_not_rebuild_again() {
        long startedBefore = snapshots.databaseMillis();
        snapshots.rebuild(); // another replica's start-up rebuild
        assertThat(snapshots.rebuildIfFree(startedBefore)).hasValueSatisfying(run -> assertThat(run.full()).isFalse());
        long startedAfter = snapshots.databaseMillis() + 1000;
        assertThat(snapshots.rebuildIfFree(startedAfter)).hasValueSatisfying(run -> assertThat(run.full()).isTrue());
    }

    @Test
    void admins_rebuild_every_snapshot_and_others_may_not() throws SQLException {
        String ref = Bodies.reference("KFF");
        created(Bodies.investment(ref));
        String viewer = "viewer-" + ref.toLowerCase();
        json().body(Bodies.map("username", viewer, "password", "viewer-password-1", "roles", List.of("viewer"),
                "administrations", List.of())).post("/api/users").then().statusCode(201);
        Api.as(viewer, "viewer-password-1").post("/api/admin/snapshots/rebuild").then().statusCode(403);
        given().post("/api/admin/snapshots/rebuild").then().statusCode(401);

        JsonPath run = json().post("/api/admin/snapshots/rebuild").then().statusCode(200).extract().jsonPath();

        assertThat(run.getBoolean("full")).isTrue();
        assertThat(run.getInt("proposals")).isPositive();
        assertThat(run.getInt("rows")).isGreaterThanOrEqualTo(run.getInt("proposals"));
        assertThat(marked(ref)).isFalse();
        assertThat(rows("SELECT count(*) AS n FROM evaluation_snapshot").get(0).get("n")).isEqualTo((long) run.getInt("rows"));
        assertThat(rows("SELECT through_year FROM evaluation_snapshot_state").get(0).get("through_year")).isEqualTo(2029);
    }

    /**
     * The rebuild hands its proposals to a worker {@code BATCH} (256) at a time and writes each batch while the worker
     * computes the next: with three batches and a part one, every proposal gets its rows, and the run counts them. In
     * one transaction that is rolled back, so the 778 proposals stay out of the other tests.
     */
    @Test
    void a_rebuild_of_several_batches_writes_the_rows_of_every_proposal_once() {
        int count = 3 * 256 + 10;
        String prefix = "BATCH-" + Bodies.reference("KFF").substring(6) + "-";
        QuarkusTransaction.begin();
        try {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                GeneratedProposals.insert(st, prefix, "KFF", count);

                SnapshotService.Run run = snapshots.rebuildInCurrentTransaction();

                try (ResultSet r = st.executeQuery("SELECT count(*), count(DISTINCT s.proposal_id), min(s.year), max(s.year),"
                        + " (SELECT count(*) FROM evaluation_snapshot) FROM evaluation_snapshot s JOIN proposal p ON p.id = s.proposal_id"
                        + " WHERE p.reference LIKE '" + prefix + "%'")) {
                    r.next();
                    assertThat(r.getLong(1)).as("four years each, once").isEqualTo(4L * count);
                    assertThat(r.getLong(2)).isEqualTo(count);
                    assertThat(r.getInt(3)).isEqualTo(2026);
                    assertThat(r.getInt(4)).isEqualTo(2029);
                    assertThat(run.rows()).as("the run counts what it wrote").isEqualTo(r.getLong(5));
                }
                assertThat(run.proposals()).isGreaterThanOrEqualTo(count);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    @Test
    void a_change_that_rolls_back_leaves_no_mark_and_a_change_outside_a_transaction_is_refused() throws SQLException {
        String first = Bodies.reference("SUF");
        String second = Bodies.reference("SUF");
        created(Bodies.preAnalysisWithLoan(first));
        created(Bodies.preAnalysisWithLoan(second)); // frame mates: pool proposals adopted in 2021
        job.run();
        long id = ((Number) rows("SELECT id FROM proposal WHERE reference = ?", first).get(0).get("id")).longValue();
        Map<String, BigDecimal> limits = settings.frameLimitsMap(2021);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            settings.putFrameLimits(2021, limits);
            changes.fire(ProposalChanged.proposal(id));
            try {
                assertThat(marked(first)).as("marked in the writer's transaction").isTrue();
                assertThat(marked(second)).isTrue();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("the write fails after its change");
        })).hasStackTraceContaining("the write fails after its change");

        assertThat(marked(first)).as("rolled back with the change").isFalse();
        assertThat(marked(second)).isFalse();
        assertThatThrownBy(() -> changes.fire(ProposalChanged.proposal(id))).isInstanceOf(TransactionalException.class);
        assertThat(marked(first)).isFalse();
        QuarkusTransaction.requiringNew().run(() -> changes.fire(ProposalChanged.proposal(id)));
        assertThat(marked(first)).as("committed with the change").isTrue();
        assertThat(marked(second)).isTrue();
        job.run();
    }

    private static io.restassured.response.ValidatableResponse importCsv(String csv, String query) {
        return json().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/imports/actuals" + query).then();
    }

    private boolean marked(String reference) throws SQLException {
        return !rows("SELECT 1 FROM evaluation_snapshot_dirty d JOIN proposal p ON p.id = d.proposal_id WHERE p.reference = ?",
                reference).isEmpty();
    }

    private List<Map<String, Object>> rows(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new java.util.HashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString()).stripTrailingZeros();
    }
}
