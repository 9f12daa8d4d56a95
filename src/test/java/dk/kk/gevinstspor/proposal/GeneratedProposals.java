package dk.kk.gevinstspor.proposal;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Many proposals at once, written in SQL for tests that need a portfolio larger than the API would make quickly:
 * {@code PREFIX1 … PREFIXn}, investments led by one administration, adopted 2026, with a plan 2026–2029 (1,000,000
 * invested in 2026, then 400,000 service efficiency a year) and one economic target.
 */
public final class GeneratedProposals {

    private GeneratedProposals() {
    }

    /** Writes {@code count} proposals whose references start with {@code prefix} (unique to the test) on the statement's connection. */
    public static void insert(Statement s, String prefix, String administration, int count) throws SQLException {
        String ours = "SELECT id FROM proposal WHERE reference LIKE '" + prefix + "%'";
        s.execute("INSERT INTO proposal (reference, title, kind, lead_administration, adoption_round, adoption_year,"
                + " price_level_year, digital, base_investment, transfers_effect, employer_area_effect, premises_change,"
                + " new_it_system, other_administrations_potential) SELECT '" + prefix + "' || g, 'Forslag ' || g, 'INVESTMENT', '"
                + administration + "', 'BUDGET', 2026, 2026, false, false, false, false, false, false, false"
                + " FROM generate_series(1, " + count + ") g");
        s.execute("INSERT INTO proposal_administration SELECT id, '" + administration + "' FROM (" + ours + ") o");
        s.execute("INSERT INTO plan_version (proposal_id, number) SELECT id, 1 FROM (" + ours + ") o");
        s.execute("INSERT INTO plan_line (plan_version_id, year, investment, operation_funding, operating_cost,"
                + " service_efficiency, transfer_effect) SELECT v.id, y, CASE WHEN y = 2026 THEN 1000000 ELSE 0 END, 0, 0,"
                + " CASE WHEN y = 2026 THEN 0 ELSE 400000 END, 0 FROM plan_version v CROSS JOIN generate_series(2026, 2029) y"
                + " WHERE v.proposal_id IN (" + ours + ")");
        s.execute("INSERT INTO follow_up_target (proposal_id, code, type, position) SELECT id, 'EFF', 'ECONOMIC', 0 FROM ("
                + ours + ") o");
    }
}
