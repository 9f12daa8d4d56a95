package dk.kk.gevinstspor.snapshot;

import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.evaluation;
import static dk.kk.gevinstspor.proposal.Api.putActuals;
import static dk.kk.gevinstspor.proposal.Bodies.actuals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.common.database.ReportingRole;
import dk.kk.gevinstspor.domain.Amount;
import dk.kk.gevinstspor.domain.Ratio;
import dk.kk.gevinstspor.domain.Realisation;
import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The reporting views as Grafana's role {@code gevinstspor_reporting} sees them: it logs in with the configured
 * password, reads every view, and can do nothing else; the views carry the domain's figures.
 */
@QuarkusTest
class ReportingViewsTest {

    static final List<String> VIEWS = List.of("administration", "proposal_status", "portfolio", "fully_implemented",
            "innovation_frames", "loan_book");

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "gevinstspor.reporting.password")
    String password;

    @Inject
    SnapshotService snapshots;

    Connection reporting() throws SQLException {
        return DriverManager.getConnection(url, ReportingRole.ROLE, password);
    }

    @Test
    void the_reporting_role_reads_every_view_and_nothing_else() throws SQLException {
        created(Bodies.preAnalysisWithLoan(Bodies.reference("SUF")));
        snapshots.rebuild();
        try (Connection c = reporting(); Statement s = c.createStatement()) {
            for (String view : VIEWS) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM reporting." + view)) {
                    assertThat(rs.next()).as(view).isTrue();
                }
            }
            for (String forbidden : List.of("SELECT * FROM proposal", "SELECT * FROM evaluation_snapshot", "SELECT * FROM app_user",
                    "DELETE FROM reporting.administration", "CREATE TABLE reporting.mine (x int)", "CREATE TABLE public.mine (x int)",
                    "CREATE VIEW reporting.mine AS SELECT 1")) {
                assertThatThrownBy(() -> s.execute(forbidden)).as(forbidden).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("42501", "0A000", "55000"));
            }
        }
    }

    @Test
    void a_proposals_row_is_its_evaluation_and_a_groups_realisation_is_the_domains_ratio_of_its_sums() throws SQLException {
        String ref = Bodies.reference("BIF");
        created(Bodies.investment(ref));
        putActuals(ref, 2026, actuals(2026, 3_000_000, 0, 0, 0, 0)).statusCode(200);
        putActuals(ref, 2027, actuals(2027, 1_000_000, 0, 0, 500_000, 0)).statusCode(200);
        snapshots.rebuild();
        try (Connection c = reporting(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT status, cumulative_realisation, spend_ratio, administration, committee"
                    + " FROM reporting.proposal_status WHERE reference = '" + ref + "' AND year = 2027")) {
                assertThat(rs.next()).isTrue();
                var e = evaluation(ref, 2027).extract().jsonPath();
                assertThat(rs.getString("status")).isEqualTo(e.getString("status"));
                assertThat(rs.getBigDecimal("cumulative_realisation")).isEqualByComparingTo(e.get("realisation.cumulative").toString());
                assertThat(rs.getString("administration")).isEqualTo("BIF");
                assertThat(rs.getString("committee")).isEqualTo("BIU");
            }
            int groups = 0;
            try (ResultSet rs = s.executeQuery("SELECT cumulative_actual_gain, cumulative_planned_gain, cumulative_realisation,"
                    + " cumulative_actual_pool_money, cumulative_planned_pool_money, spend_ratio FROM reporting.portfolio")) {
                while (rs.next()) {
                    assertThat(rs.getBigDecimal("cumulative_realisation")).isEqualTo(domainRealisation(rs.getBigDecimal(1), rs.getBigDecimal(2)));
                    assertThat(rs.getBigDecimal("spend_ratio")).isEqualTo(domainRatio(rs.getBigDecimal(4), rs.getBigDecimal(5)));
                    groups++;
                }
            }
            assertThat(groups).isPositive();
        }
    }

    private static BigDecimal domainRealisation(BigDecimal actual, BigDecimal planned) {
        return Realisation.ratio(Amount.of(actual), Amount.of(planned)).map(Ratio::shown).orElse(null);
    }

    private static BigDecimal domainRatio(BigDecimal actual, BigDecimal planned) {
        return Ratio.between(Amount.of(actual), Amount.of(planned)).map(Ratio::shown).orElse(null);
    }
}
