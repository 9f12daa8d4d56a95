package dk.kk.gevinstspor.proposal.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dk.kk.gevinstspor.common.PathSegments;
import dk.kk.gevinstspor.common.error.Problem;
import dk.kk.gevinstspor.common.error.Requests;
import dk.kk.gevinstspor.common.security.Roles;
import dk.kk.gevinstspor.domain.FollowUpStatus;
import dk.kk.gevinstspor.domain.ProposalKind;
import dk.kk.gevinstspor.proposal.ProposalFilter;
import dk.kk.gevinstspor.proposal.ProposalJson;
import dk.kk.gevinstspor.proposal.ProposalService;
import io.quarkus.security.Authenticated;

/** Proposals of API.md: adopt, read, list and describe. */
@Path("/api/proposals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Proposals")
public class ProposalResource {

    @Inject
    ProposalService service;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Store an adopted proposal", description = "Its plan becomes the baseline (plan version 1). "
            + "A proposal with an ERROR finding is refused with 422 and the finding codes; warnings are returned with it.")
    @APIResponse(responseCode = "201", description = "Stored", content = @Content(schema = @Schema(implementation = ProposalJson.Response.class)))
    @APIResponse(responseCode = "409", description = "The reference is taken", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid, or an ERROR finding", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid ProposalJson.Request request) {
        if (request == null) {
            throw Requests.missingBody();
        }
        ProposalJson.Response created = service.create(request);
        return Response.created(URI.create("/api/proposals/" + PathSegments.encode(created.reference()))).entity(created).build();
    }

    @GET
    @Operation(summary = "List proposals", description = "Filters: committee and administration (taking part), kind, digital; "
            + "added: q (every word in the reference or the title, case-insensitive, also part of a word), adoptionYear, and "
            + "evaluationStatus (the status of the last completed accounts year, from the evaluation snapshots). Ordered by "
            + "reference. Paged with page (from 0) and size (default 100, at most 1000); X-Total-Count gives the total.")
    @APIResponse(responseCode = "200", description = "A page of proposals",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ProposalJson.Response.class)))
    public Response list(@QueryParam("committee") String committee, @QueryParam("administration") String administration,
            @Parameter(schema = @Schema(implementation = ProposalKind.class)) @QueryParam("kind") String kind,
            @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("digital") String digital,
            @Parameter(description = "Words of the reference or title (at most " + ProposalFilter.MAX_TEXT + " characters)")
            @QueryParam("q") String q,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("adoptionYear") String adoptionYear,
            @Parameter(schema = @Schema(implementation = FollowUpStatus.class)) @QueryParam("evaluationStatus") String evaluationStatus,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "100")) @QueryParam("size") String size) {
        String text = blankToNull(q);
        if (text != null && text.length() > ProposalFilter.MAX_TEXT) {
            throw Requests.badParameter("q", text, "at most " + ProposalFilter.MAX_TEXT + " characters");
        }
        Integer year = adoptionYear == null || adoptionYear.isBlank() ? null
                : Requests.intParam("adoptionYear", adoptionYear, 0, 1900, 2999);
        ProposalFilter filter = new ProposalFilter(text, blankToNull(committee), blankToNull(administration),
                Requests.enumParam("kind", kind, ProposalKind.class), Requests.booleanParam("digital", digital), year,
                Requests.enumParam("evaluationStatus", evaluationStatus, FollowUpStatus.class));
        ProposalService.PageOf result = service.list(filter, Requests.intParam("page", page, 0, 0, Integer.MAX_VALUE / 1000),
                Requests.intParam("size", size, 100, 1, 1000));
        return Response.ok(result.items()).header("X-Total-Count", result.total()).build();
    }

    @GET
    @Path("/{reference}")
    @Operation(summary = "One proposal with its findings")
    @APIResponse(responseCode = "200", description = "The proposal", content = @Content(schema = @Schema(implementation = ProposalJson.Response.class)))
    @APIResponse(responseCode = "404", description = "No such reference", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProposalJson.Response get(@PathParam("reference") String reference) {
        return service.get(reference);
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("/{reference}")
    @Operation(summary = "Change descriptive fields, flags, assessments and targets",
            description = "Send the whole proposal with the version it was read at. The same values again answer 200, unchanged. "
                    + "A changed plan or loan is refused with 422 PLAN_CHANGE_NEEDS_DECISION; a stale or missing version with 409.")
    @APIResponse(responseCode = "200", description = "The proposal as stored", content = @Content(schema = @Schema(implementation = ProposalJson.Response.class)))
    @APIResponse(responseCode = "409", description = "Stale or missing version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid, plan or loan changed, or an ERROR finding", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProposalJson.Response update(@PathParam("reference") String reference, @Valid ProposalJson.Request request) {
        if (request == null) {
            throw Requests.missingBody();
        }
        return service.update(reference, request);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
