package dk.kk.gevinstspor.common.operations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

/**
 * One trivial query ({@code SELECT 1}) through the service's connection pool, behind the same security as the
 * evaluation: the baseline that bench/run measures {@code GET …/evaluation} against.
 */
@Path("/api/diagnostics/database")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Operations")
public class DiagnosticsResource {

    private final DataSource dataSource;

    public DiagnosticsResource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @GET
    @Operation(summary = "Run SELECT 1 through the connection pool", description = "A baseline for load tests; 503 when the database is away.")
    public Map<String, Integer> selectOne() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT 1")) {
            result.next();
            return Map.of("result", result.getInt(1));
        } catch (SQLException e) {
            // ProblemMapper finds the cause: 503 when the database is away
            throw new IllegalStateException("SELECT 1 failed", e);
        }
    }
}
