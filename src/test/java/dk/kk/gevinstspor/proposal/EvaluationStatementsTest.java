package dk.kk.gevinstspor.proposal;

import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.evaluation;
import static dk.kk.gevinstspor.proposal.Api.putActuals;
import static dk.kk.gevinstspor.proposal.Bodies.actuals;
import static dk.kk.gevinstspor.proposal.Bodies.line;
import static dk.kk.gevinstspor.proposal.Bodies.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * GET …/evaluation reads a proposal with its plan, targets, loan and actuals in a fixed small number of SQL statements
 * (Hibernate statistics, the whole request with its sign-in): as many for a proposal with four plan years and nothing
 * entered as for one with ten plan years, KPI targets of many years, milestones and four years of actuals with KPI values
 * and milestones.
 */
@QuarkusTest
class EvaluationStatementsTest {

    /**
     * The stamp of the proposal's snapshots (one; its proposals are new, so marked, and evaluated on every request:
     * snapshot.SnapshotJobTest has the answer given again), the proposal and its actuals (two statements, plain JDBC
     * through Hibernate's statement preparer, so counted), and the signed-in user with its administrations (one):
     * exactly, so that a statement the count stops seeing fails too.
     */
    private static final long STATEMENTS = 4;

    @Inject
    SessionFactory sessionFactory;

    private long statementsOf(String reference, int year) {
        evaluation(reference, year).statusCode(200); // the admin's password check is remembered from here on
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        evaluation(reference, year).statusCode(200);
        return statistics.getPrepareStatementCount();
    }

    @Test
    void a_big_proposal_costs_as_many_statements_as_a_small_one() {
        String small = Bodies.reference("BUF");
        created(Bodies.investment(small)); // four plan years, three targets, nothing entered

        String big = Bodies.reference("SUF");
        Map<String, Object> bigBody = Bodies.investment(big);
        List<Map<String, Object>> plan = new ArrayList<>();
        List<Map<String, Object>> targets = new ArrayList<>(List.of(map("code", "EFF", "type", "ECONOMIC")));
        for (int y = 2026; y <= 2035; y++) {
            plan.add(line(y, y == 2026 ? 3_000_000 : 0, 0, 0, y == 2026 ? 0 : 500_000, 0));
        }
        for (int k = 1; k <= 3; k++) {
            List<Map<String, Object>> yearly = new ArrayList<>();
            for (int y = 2027; y <= 2035; y++) {
                yearly.add(map("year", y, "target", 100 * k + y - 2027));
            }
            targets.add(map("code", "K" + k, "type", "KPI", "description", "KPI " + k, "unit", "timer",
                    "direction", "HIGHER_IS_BETTER", "yearly", yearly));
            targets.add(map("code", "M" + k, "type", "MILESTONE", "description", "Milepæl " + k, "dueYear", 2026 + k));
        }
        bigBody.put("plan", plan);
        bigBody.put("targets", targets);
        created(bigBody);
        for (int y = 2026; y <= 2029; y++) {
            Map<String, Object> entered = actuals(y, y == 2026 ? 2_900_000 : 0, 0, 0, y == 2026 ? 0 : 400_000, 0);
            entered.put("explanation", "Færre sager end ventet");
            if (y > 2026) {
                entered.put("kpis", map("K1", 100 + y - 2027, "K2", 200 + y - 2027, "K3", 300 + y - 2027));
                entered.put("milestones", map("M" + (y - 2026), y));
            }
            putActuals(big, y, entered).statusCode(200);
        }

        long forSmall = statementsOf(small, 2029);
        long forBig = statementsOf(big, 2029);
        assertThat(forBig).as("statements for the big proposal").isEqualTo(forSmall).isEqualTo(STATEMENTS);
    }
}
