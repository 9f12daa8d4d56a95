package dk.kk.gevinstspor.common.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code SELECT 1} through the service's connection pool: the smallest possible database round trip. */
@ApplicationScoped
public class DatabasePing {

    @Inject
    DataSource dataSource;

    /** The answer of {@code SELECT 1}; an {@link IllegalStateException} caused by the driver's error when it fails. */
    public int selectOne() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT 1")) {
            result.next();
            return result.getInt(1);
        } catch (SQLException e) {
            // ProblemMapper finds the cause: 503 when the database is away
            throw new IllegalStateException("SELECT 1 failed", e);
        }
    }
}
