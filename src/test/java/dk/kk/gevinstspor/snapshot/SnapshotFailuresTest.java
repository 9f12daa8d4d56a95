package dk.kk.gevinstspor.snapshot;

import static dk.kk.gevinstspor.common.web.Browser.login;
import static dk.kk.gevinstspor.common.web.Browser.page;
import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.common.web.Browser;
import dk.kk.gevinstspor.proposal.Bodies;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A proposal the domain cannot evaluate (its stored current plan has no years, written with SQL as such data came from
 * storage) does not stop the snapshot job: it is skipped, logged once, counted by {@code gevinstspor.snapshots.failed}
 * and listed for admins, the others are written; once its data is fixed the next run evaluates it and clears it.
 */
@QuarkusTest
class SnapshotFailuresTest {

    private static final String EMPTY_PLAN = "En plan skal have mindst ét år";

    @Inject
    SnapshotJob job;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    MeterRegistry registry;

    private Long emptyPlanVersion;

    @Test
    void a_proposal_that_cannot_be_evaluated_is_skipped_counted_and_shown_and_the_next_run_after_its_fix_clears_it() throws SQLException {
        String good = Bodies.reference("BUF");
        String broken = Bodies.reference("BUF");
        created(Bodies.investment(good));
        created(Bodies.investment(broken));
        emptyPlanVersion = (Long) one("INSERT INTO plan_version (proposal_id, number) SELECT p.id, (SELECT max(v.number) + 1"
                + " FROM plan_version v WHERE v.proposal_id = p.id) FROM proposal p WHERE p.reference = ? RETURNING id", broken);
        List<LogRecord> warnings = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(SnapshotService.class.getName());
        logger.addHandler(handler);
        try {
            JsonPath run = json().post("/api/admin/snapshots/rebuild").then().statusCode(200).extract().jsonPath();
            job.run(); // a later run tries it again: still failing, not logged again
            job.run();

            assertThat(run.getInt("failed")).isEqualTo(1);
            assertThat(snapshotYears(good)).isPositive();
            assertThat(snapshotYears(broken)).isZero();
            assertThat(failedGauge()).isEqualTo(1.0);
            assertThat(warnings).singleElement().satisfies(w -> assertThat(formatted(w)).contains(broken, EMPTY_PLAN));
        } finally {
            logger.removeHandler(handler);
        }
        Browser.user("snapshotfailures.viewer", "snapshot-failures-password", "viewer", List.of());
        page(login("snapshotfailures.viewer", "snapshot-failures-password"), "/admin/beregningsfejl", 403);
        var admin = login("admin", "admin-test-password");
        assertThat(page(admin, "/admin", 200).select("a[href=/admin/beregningsfejl]")).hasSize(1);
        Document shown = page(admin, "/admin/beregningsfejl", 200);
        assertThat(shown.select("table.snapshot-failures tbody tr")).singleElement().satisfies(tr -> {
            assertThat(tr.select("th").text()).isEqualTo(broken);
            assertThat(tr.select("th a").attr("href")).isEqualTo("/forslag/" + broken);
            assertThat(tr.select("td").get(0).text()).isNotBlank();
            assertThat(tr.select("td").get(1).text()).isEqualTo(EMPTY_PLAN);
            assertThat(tr.select("td").get(2).text()).matches("\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d");
        });

        fix();
        job.run();

        assertThat(snapshotYears(broken)).isPositive();
        assertThat(failedGauge()).isZero();
        assertThat(page(admin, "/admin/beregningsfejl", 200).select("table.snapshot-failures")).isEmpty();
    }

    /** The fix: the empty plan version goes, so the proposal's current plan is its earlier one again. */
    @AfterEach
    void fix() throws SQLException {
        if (emptyPlanVersion != null) {
            one("DELETE FROM plan_version WHERE id = ? RETURNING id", emptyPlanVersion);
            emptyPlanVersion = null;
        }
    }

    private double failedGauge() {
        return registry.get(ProposalGauges.FAILED).gauge().value();
    }

    private static String formatted(LogRecord r) {
        return r.getParameters() == null ? r.getMessage() : String.format(r.getMessage(), r.getParameters());
    }

    private long snapshotYears(String reference) throws SQLException {
        return (Long) one("SELECT count(*) FROM evaluation_snapshot s JOIN proposal p ON p.id = s.proposal_id WHERE p.reference = ?",
                reference);
    }

    private Object one(String sql, Object parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getObject(1);
            }
        }
    }
}
