package dk.kk.gevinstspor.actuals.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.proposal.Api;
import dk.kk.gevinstspor.proposal.Bodies;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The reference check that replaced the foreign key from {@code actual} to {@code proposal} (migration V30,
 * docs/imports.md "Reference check"): proposals are never deleted (a DELETE or TRUNCATE fails with a clear error
 * and changes nothing), and the import's set-based check turns a staged row whose proposal does not exist into a
 * row error with its row number.
 */
@QuarkusTest
class ReferenceCheckTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_proposal_is_never_deleted() throws SQLException {
        String reference = Bodies.reference("BUF");
        Api.created(Bodies.investment(reference));
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM proposal WHERE reference = ?")) {
                delete.setString(1, reference);
                assertThatThrownBy(delete::executeUpdate).isInstanceOf(SQLException.class)
                        .hasMessageContaining("Proposals are never deleted (cancel one by a decision instead)")
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23001"));
            }
            try (Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute("TRUNCATE proposal CASCADE")).isInstanceOf(SQLException.class)
                        .hasMessageContaining("Proposals are never deleted");
            }
            try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM proposal WHERE reference = ?")) {
                count.setString(1, reference);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void actual_rows_have_no_foreign_key_to_proposal_but_their_elements_keep_theirs() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT conrelid::regclass::text || ' -> ' || confrelid::regclass::text FROM pg_constraint"
                        + " WHERE contype = 'f' AND conrelid::regclass::text IN ('actual', 'actual_kpi', 'actual_milestone', 'plan_version')"
                        + " ORDER BY 1")) {
            StringBuilder keys = new StringBuilder();
            while (rs.next()) {
                keys.append(rs.getString(1)).append('\n');
            }
            assertThat(keys.toString()).isEqualTo("actual_kpi -> actual\nactual_milestone -> actual\nplan_version -> proposal\n");
        }
    }

    @Test
    void a_staged_row_whose_proposal_does_not_exist_is_a_row_error() {
        ImportErrors errors = new ImportErrors();
        boolean[] found = new boolean[1];
        QuarkusTransaction.requiringNew().run(() -> { // the staging table goes with the transaction
            try (Connection c = dataSource.getConnection()) {
                StagingTable.create(c);
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO " + StagingTable.NAME + " (row_no, proposal_id, year, blank_row)"
                            + " SELECT 2, min(id), 2025, false FROM proposal UNION ALL SELECT 7, -42, 2025, false");
                }
                found[0] = StagingTable.unknownProposals(c, errors, StagingTable.NAME);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(found[0]).isTrue();
        assertThat(errors.listed()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(7);
            assertThat(e.column()).isEqualTo("reference");
            assertThat(e.code()).isEqualTo("UNKNOWN_REFERENCE");
            assertThat(e.message()).isEqualTo("Rækkens forslag (id -42) findes ikke i databasen");
        });
    }
}
