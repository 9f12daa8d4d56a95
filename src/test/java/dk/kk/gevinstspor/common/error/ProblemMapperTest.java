package dk.kk.gevinstspor.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import jakarta.transaction.RollbackException;

/** Which database errors mean "the database is away" (503) rather than a fault of ours (500). */
class ProblemMapperTest {

    @Test
    void a_server_shutting_down_or_starting_or_unreachable_or_full_is_unavailable() {
        for (String state : new String[] { "08001", "08006", "57P01", "57P02", "57P03", "53300" }) {
            assertThat(ProblemMapper.databaseUnavailable(failedCommit(state))).as(state).isTrue();
        }
    }

    @Test
    void other_database_errors_are_not() {
        for (String state : new String[] { "23505", "22021", "57014", "42P01" }) {
            assertThat(ProblemMapper.databaseUnavailable(failedCommit(state))).as(state).isFalse();
        }
        assertThat(ProblemMapper.databaseUnavailable(new IllegalStateException("no cause"))).isFalse();
    }

    @Test
    void a_commit_cut_off_by_the_database_is_unavailable_though_the_cause_is_only_suppressed() {
        // as Narayana reports it: RollbackException with the XAException, caused by the PSQLException, as suppressed
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        Exception xa = new Exception("Error trying to transactionCommit local transaction",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        rollback.addSuppressed(xa);
        assertThat(ProblemMapper.databaseUnavailable(new RuntimeException("Error invoking subclass method", rollback))).isTrue();
    }

    /** As in the log of DatabaseOutageIT: the commit failed because PostgreSQL ended the connection. */
    private static RuntimeException failedCommit(String sqlState) {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.initCause(new SQLException("FATAL: terminating connection", sqlState));
        return new IllegalStateException("Error invoking subclass method", rollback);
    }
}
