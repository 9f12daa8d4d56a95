package dk.kk.gevinstspor.common.operations;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dk.kk.gevinstspor.common.database.DatabasePing;
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

    @Inject
    DatabasePing database;

    @GET
    @Operation(summary = "Run SELECT 1 through the connection pool", description = "A baseline for load tests; 503 when the database is away.")
    public Map<String, Integer> selectOne() {
        return Map.of("result", database.selectOne());
    }
}
