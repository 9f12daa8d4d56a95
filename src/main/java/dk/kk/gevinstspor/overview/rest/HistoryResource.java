package dk.kk.gevinstspor.overview.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dk.kk.gevinstspor.overview.HistoryJson;
import dk.kk.gevinstspor.overview.HistoryService;
import io.quarkus.security.Authenticated;

/** History of API.md: every change to a proposal and its actuals, with time, user, old and new value. */
@Path("/api/proposals/{reference}/history")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "History")
public class HistoryResource {

    @Inject
    HistoryService service;

    @GET
    @Operation(summary = "The audit history of a proposal, oldest first")
    public List<HistoryJson> history(@PathParam("reference") String reference) {
        return service.history(reference);
    }
}
