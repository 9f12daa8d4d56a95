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
import dk.kk.gevinstspor.proposal.GeneratedProposals;
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
            GeneratedProposals.insert(s, prefix, "ØKF", 990);
        }
        Runnable bigger = () -> assertThat(reports.followUp(ReportKind.MAJBIDRAG, 2028, "ØU", Optional.empty(), null).rows())
                .hasSizeGreaterThanOrEqualTo(1000);
        long withThousand = statementsFor(bigger);

        assertThat(withThousand).isEqualTo(withTen).isLessThanOrEqualTo(6);
    }
}
