package dk.kk.gevinstspor.actuals.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dk.kk.gevinstspor.actuals.ActualJson;
import dk.kk.gevinstspor.actuals.ActualsService;
import dk.kk.gevinstspor.common.error.Problem;
import dk.kk.gevinstspor.common.error.Requests;
import dk.kk.gevinstspor.common.security.Roles;
import io.quarkus.security.Authenticated;

/** Actuals of API.md: one year of one proposal. */
@Path("/api/proposals/{reference}/actuals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Actuals")
public class ActualsResource {

    @Inject
    ActualsService service;

    @GET
    @Operation(summary = "The proposal's actuals, one object per year")
    public List<ActualJson> list(@PathParam("reference") String reference) {
        return service.list(reference);
    }

    @PUT
    @RolesAllowed({ Roles.ADMIN, Roles.ENTRY })
    @Path("/{year}")
    @Operation(summary = "Enter or correct a year's actual figures",
            description = "Admins, and entry users for proposals in which one of their administrations takes part (else 403). Any year from the first plan year to the current year. An explanation is required when an amount deviates "
                    + "from the plan by more than the tolerance (422 EXPLANATION_REQUIRED per field). The same values again answer 200 "
                    + "with the same version; a change of a stored year needs its current version (else 409).")
    @APIResponse(responseCode = "200", description = "The stored actuals", content = @Content(schema = @Schema(implementation = ActualJson.class)))
    @APIResponse(responseCode = "409", description = "Stale or missing version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid figures or a missing explanation", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ActualJson put(@PathParam("reference") String reference, @PathParam("year") String year, @Valid ActualJson body) {
        if (body == null) {
            throw Requests.missingBody();
        }
        return service.put(reference, Requests.intParam("year", year, 0, 1900, 2999), body);
    }
}
