package dk.kk.gevinstspor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.decision.ApprovalBody;
import dk.kk.gevinstspor.decision.DecisionService;
import dk.kk.gevinstspor.decision.DecisionType;
import dk.kk.gevinstspor.decision.DecisionJson;
import dk.kk.gevinstspor.proposal.EvaluationService;
import dk.kk.gevinstspor.overview.HistoryService;
import dk.kk.gevinstspor.proposal.ProposalService;
import dk.kk.gevinstspor.proposal.ProposalJson;
import dk.kk.gevinstspor.proposal.EvaluationJson;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The demo portfolio loads through the services (the same rules as any data) and every demo proposal
 * evaluates. The test's transaction is rolled back, so the shared test database stays as it was.
 */
@QuarkusTest
class DemoDataTest {

    @Inject
    DemoData demo;

    @Inject
    EvaluationService evaluations;

    @Inject
    HistoryService history;

    @Inject
    ProposalService proposals;

    @Inject
    DecisionService decisions;

    @Test
    @TestTransaction
    void the_demo_portfolio_loads_and_every_proposal_evaluates_for_every_year() {
        DemoData.Loaded loaded = demo.load();
        assertThat(loaded.proposals()).isEqualTo(DemoPortfolio.proposals().size()).isBetween(20, 30);
        assertThat(loaded.actuals()).isGreaterThan(40);
        assertThat(loaded.users()).isEqualTo(DemoData.USERS.size());

        Map<String, Integer> statuses2025 = new HashMap<>();
        for (DemoProposal p : DemoPortfolio.proposals()) {
            String ref = p.proposal().reference();
            for (int year = 2020; year <= 2029; year++) {
                EvaluationJson e = evaluations.evaluate(ref, year);
                assertThat(e.status()).isNotBlank();
                if (year == 2025) {
                    statuses2025.merge(e.status(), 1, Integer::sum);
                }
            }
            assertThat(history.history(ref)).allSatisfy(row -> assertThat(row.user()).isEqualTo("demo"));
        }
        assertThat(statuses2025).containsKeys("GREEN", "AMBER", "RED", "MISSING");

        // one proposal is cancelled by an approved decision: 1.600.000 planned − 1.150.000 spent up to 2025
        ProposalJson.Response cancelled = proposals.get(DemoData.CANCELLED);
        assertThat(cancelled.status()).isEqualTo("CANCELLED");
        assertThat(cancelled.cancellation().effectiveYear()).isEqualTo(2025);
        assertThat(cancelled.cancellation().treasuryReturn()).isEqualByComparingTo("450000");
        assertThat(decisions.list(DemoData.CANCELLED)).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo(DecisionType.CANCELLATION);
            assertThat(d.status()).isEqualTo("APPROVED");
            assertThat(d.approvals()).extracting(DecisionJson.Approval::body).containsExactly(ApprovalBody.values());
        });
    }
}
