package dk.kk.gevinstspor.report;

import static dk.kk.gevinstspor.proposal.Api.created;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.domain.ReportKind;
import dk.kk.gevinstspor.proposal.Bodies;
import dk.kk.gevinstspor.report.ReportJson;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** A report costs the same number of SQL statements for 10 proposals as for 1,000 (Hibernate statistics). */
@QuarkusTest
class ReportStatementsTest {

    @Inject
    ReportService reports;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    AgroalDataSource dataSource;

    long statementsFor(Runnable report) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        report.run();
        return statistics.getPrepareStatementCount();
    }

    @Test
    void the_number_of_statements_does_not_grow_with_the_proposals() throws Exception {
        for (int i = 0; i < 10; i++) {
            created(Bodies.investment(Bodies.reference("ØKF")));
        }
        Runnable majbidrag = () -> {
            ReportJson r = reports.followUp(ReportKind.MAJBIDRAG, 2028, "ØU", Optional.empty(), null);
            assertThat(r.rows()).hasSizeGreaterThanOrEqualTo(10);
        };
        long withTen = statementsFor(majbidrag);

        String prefix = "ØKF-S-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO proposal (reference, title, kind, lead_administration, adoption_round, adoption_year, price_level_year,"
                    + " digital, base_investment, transfers_effect, employer_area_effect, premises_change, new_it_system,"
                    + " other_administrations_potential) SELECT '" + prefix + "' || g, 'Statements ' || g, 'INVESTMENT', 'ØKF', 'BUDGET',"
                    + " 2026, 2026, false, false, false, false, false, false, false FROM generate_series(1, 990) g");
            s.execute("INSERT INTO proposal_administration SELECT id, 'ØKF' FROM proposal WHERE reference LIKE '" + prefix + "%'");
            s.execute("INSERT INTO plan_version (proposal_id, number) SELECT id, 1 FROM proposal WHERE reference LIKE '" + prefix + "%'");
            s.execute("INSERT INTO plan_line (plan_version_id, year, investment, operation_funding, operating_cost, service_efficiency,"
                    + " transfer_effect) SELECT v.id, y, CASE WHEN y = 2026 THEN 1000000 ELSE 0 END, 0, 0,"
                    + " CASE WHEN y = 2026 THEN 0 ELSE 400000 END, 0 FROM plan_version v JOIN proposal p ON p.id = v.proposal_id"
                    + " CROSS JOIN generate_series(2026, 2029) y WHERE p.reference LIKE '" + prefix + "%'");
            s.execute("INSERT INTO follow_up_target (proposal_id, code, type, position) SELECT id, 'EFF', 'ECONOMIC', 0 FROM proposal"
                    + " WHERE reference LIKE '" + prefix + "%'");
        }
        Runnable bigger = () -> assertThat(reports.followUp(ReportKind.MAJBIDRAG, 2028, "ØU", Optional.empty(), null).rows())
                .hasSizeGreaterThanOrEqualTo(1000);
        long withThousand = statementsFor(bigger);

        assertThat(withThousand).isEqualTo(withTen).isLessThanOrEqualTo(6);
    }
}
