package dk.kk.gevinstspor.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.domain.FollowUpStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The list's statements can use the indexes of V40 (docs/pages.md, The proposal list): the search's words the trigram
 * indexes, the title order its Danish index, the year filter's years the adoption year's index, the default order the
 * reference's, in a portfolio of 20,000 proposals with reading a whole table made as dear as it can be. A statement whose
 * expression no index matches (say {@code ILIKE} instead of {@code lower(…) LIKE}) reads the whole table anyway and
 * fails here.
 */
@QuarkusTest
class ProposalSearchPlanTest {

    @Inject
    EntityManager em;

    @Test
    void the_search_reads_the_trigram_indexes() {
        ProposalFilter words = new ProposalFilter("Robot pleje", null, null, null, null, null, null);
        assertThat(plan(ProposalSearchRepository.countStatement(words, 2029)))
                .contains("proposal_title_trigrams").contains("proposal_reference_trigrams")
                .doesNotContain("Seq Scan on proposal");
    }

    @Test
    void the_title_order_reads_the_danish_index_and_the_default_order_the_references() {
        assertThat(plan(ProposalSearchRepository.pageStatement(ProposalFilter.none(), 2029, ProposalSort.TITLE, false, 0, 50))).contains("proposal_title_danish").doesNotContain("Seq Scan on proposal");
        assertThat(plan(ProposalSearchRepository.pageStatement(ProposalFilter.none(), 2029, ProposalSort.REFERENCE, true, 0, 50))).contains("proposal_reference_key").doesNotContain("Seq Scan on proposal");
    }

    @Test
    void the_years_of_the_year_filter_are_read_from_the_adoption_years_index() {
        assertThat(plan(new ProposalSearchRepository.Statement(ProposalSearchRepository.ADOPTION_YEARS, Map.of()))).contains("proposal_adoption_year")
                .doesNotContain("Seq Scan on proposal");
    }

    @Test
    void a_status_filter_joins_the_snapshots_and_the_count_needs_no_snapshot_without_it() {
        ProposalFilter green = new ProposalFilter(null, null, null, null, null, null, FollowUpStatus.GREEN);
        assertThat(ProposalSearchRepository.countStatement(green, 2029).sql()).contains("evaluation_snapshot");
        assertThat(ProposalSearchRepository.countStatement(ProposalFilter.none(), 2029).sql()).doesNotContain("evaluation_snapshot");
    }

    /**
     * The plan PostgreSQL makes for the statement in a portfolio of 20,000 more proposals, analysed (added in a transaction
     * that is rolled back, so no other test sees them).
     */
    private String plan(ProposalSearchRepository.Statement statement) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("INSERT INTO proposal (reference, title, kind, lead_administration, adoption_round, adoption_year,"
                        + " price_level_year, digital, base_investment, transfers_effect, employer_area_effect, premises_change,"
                        + " new_it_system, other_administrations_potential) SELECT 'PLAN-' || g, 'Forslag nummer ' || g, 'INVESTMENT',"
                        + " 'BUF', 'BUDGET', 2000 + g % 30, 2000 + g % 30, false, false, false, false, false, false, false"
                        + " FROM generate_series(1, 20000) g").executeUpdate();
                em.createNativeQuery("ANALYZE proposal").executeUpdate();
                // so small a table is read whole whenever an index saves little: ask for the plan that avoids that
                em.createNativeQuery("SET LOCAL enable_seqscan = off").executeUpdate();
                @SuppressWarnings("unchecked")
                List<String> lines = new ProposalSearchRepository.Statement("EXPLAIN " + statement.sql(), statement.parameters()).on(em)
                        .getResultList();
                throw new Explained(String.join("\n", lines));
            });
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Explained) {
                    return t.getMessage();
                }
            }
            throw e;
        } finally {
            // the statistics of the table as it is again (ANALYZE's row count outlives the rollback)
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("ANALYZE proposal").executeUpdate());
        }
        throw new AssertionError("not explained");
    }

    /** Carries the plan out of the transaction, which it rolls back. */
    static final class Explained extends RuntimeException {
        Explained(String plan) {
            super(plan, null, false, false);
        }
    }
}
