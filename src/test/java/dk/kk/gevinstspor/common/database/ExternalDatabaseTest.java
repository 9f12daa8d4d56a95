package dk.kk.gevinstspor.common.database;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** A database given by DB_URL is checked once before the service starts; each failure is one clear line. */
class ExternalDatabaseTest {

    @Test
    void an_unreachable_server_says_to_check_db_url() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://localhost:" + closedPort + "/gevinstspor";
        assertThatThrownBy(() -> ExternalDatabase.check(url, "gevinstspor", "secret"))
                .isInstanceOf(StartupFailure.class)
                .hasMessageStartingWith("Cannot reach PostgreSQL at " + url)
                .hasMessageContaining("Check DB_URL")
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("secret");
    }

    @Test
    void a_url_that_is_not_postgresql_jdbc_is_refused() {
        assertThatThrownBy(() -> ExternalDatabase.check("postgres://db:5432/x", "u", "p"))
                .isInstanceOf(StartupFailure.class)
                .hasMessageContaining("DB_URL must be a PostgreSQL JDBC URL");
    }

    @Test
    void a_reachable_server_passes_and_a_missing_database_is_named() {
        EmbeddedDatabase db = TestDatabase.shared();
        assertThatCode(() -> ExternalDatabase.check(db.jdbcUrl(), db.username(), db.password())).doesNotThrowAnyException();
        String wrongDatabase = db.jdbcUrl().replace("/gevinstspor", "/no_such_db");
        assertThatThrownBy(() -> ExternalDatabase.check(wrongDatabase, db.username(), db.password()))
                .isInstanceOf(StartupFailure.class)
                .hasMessageContaining("has no such database");
    }

    @Test
    void a_refused_password_says_to_check_user_and_password() {
        SQLException refused = new SQLException("FATAL: password authentication failed for user \"gevinstspor\"", "28P01");
        String line = ExternalDatabase.explain("jdbc:postgresql://db:5432/gevinstspor", "gevinstspor", refused);
        org.assertj.core.api.Assertions.assertThat(line)
                .isEqualTo("PostgreSQL at jdbc:postgresql://db:5432/gevinstspor refused user 'gevinstspor'"
                        + " (FATAL: password authentication failed for user \"gevinstspor\"). Check DB_USER and DB_PASSWORD.");
    }
}
