package dk.kk.gevinstspor.proposal.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dk.kk.gevinstspor.common.config.Today;
import dk.kk.gevinstspor.common.error.Requests;
import dk.kk.gevinstspor.proposal.EvaluationJson;
import dk.kk.gevinstspor.proposal.EvaluationService;
import io.quarkus.security.Authenticated;

/** Evaluation of API.md: realisation, status, payback, targets, loan and "fully implemented" for a year. */
@Path("/api/proposals/{reference}/evaluation")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Evaluation")
public class EvaluationResource {

    @Inject
    EvaluationService service;
    @Inject
    Today today;

    @GET
    @Operation(summary = "Evaluate a proposal for an accounts year", description = "Default year: the last completed year.")
    public EvaluationJson evaluate(@PathParam("reference") String reference,
            @Parameter(description = "Accounts year", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("year") String year) {
        return service.evaluate(reference, Requests.intParam("year", year, today.lastCompletedYear(), 1900, 2999));
    }
}
