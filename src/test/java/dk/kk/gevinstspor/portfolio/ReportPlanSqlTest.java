package dk.kk.gevinstspor.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.domain.ReportScope;

/**
 * bench/lib/report-plan.sql explains the majbidrag's statements to show they read a committee's rows by index: its
 * texts must be the ones the service sends ({@link ProposalRows}, with {@link Selection.InReport}'s condition), or the
 * plans it prints would be of other statements.
 */
class ReportPlanSqlTest {

    private static String normalised(String sql) {
        return sql.replaceAll("\\s+", " ").trim();
    }

    @Test
    void the_bench_explains_the_statements_the_service_sends() throws Exception {
        String bench = normalised(Files.readString(Path.of("bench", "lib", "report-plan.sql")));
        Selection.Where where = new Selection.InReport(ReportScope.majbidrag(2026, "KFU", Map.of("KFF", "KFU", "BUF", "BUU"))).where();
        assertThat(where.condition()).isEqualTo("p.lead_administration IN (:administrations)");
        assertThat(where.parameters()).isEqualTo(Map.of("administrations", List.of("KFF")));
        for (String statement : new String[] {ProposalRows.PENDING, ProposalRows.PROPOSALS, ProposalRows.ACTUALS}) {
            assertThat(bench).contains("EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) " + normalised(statement.formatted(where.condition())) + ";");
        }
    }

    @Test
    void a_committee_without_administrations_selects_nothing() {
        assertThat(new Selection.InReport(ReportScope.majbidrag(2026, "KFU", Map.of("BUF", "BUU"))).where().condition()).isEqualTo("false");
    }
}
