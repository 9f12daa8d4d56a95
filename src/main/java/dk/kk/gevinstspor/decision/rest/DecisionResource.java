package dk.kk.gevinstspor.decision.rest;

import java.net.URI;
import java.util.List;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dk.kk.gevinstspor.common.PathSegments;
import dk.kk.gevinstspor.common.error.Problem;
import dk.kk.gevinstspor.common.error.Requests;
import dk.kk.gevinstspor.common.security.Roles;
import dk.kk.gevinstspor.decision.ApprovalBody;
import dk.kk.gevinstspor.decision.DecisionJson;
import dk.kk.gevinstspor.decision.DecisionService;
import io.quarkus.security.Authenticated;

/** Change decisions of API.md: record, approve (committee, ØU, BR) and read. */
@Path("/api/proposals/{reference}/decisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Change decisions")
public class DecisionResource {

    @Inject
    DecisionService service;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Record a pending change decision",
            description = "CANCELLATION carries neither plan nor schedule. A plan change carries the whole new plan; the years before "
                    + "effectiveYear must equal the current plan (422 PLAN_PAST_YEAR_CHANGED). A schedule (loans only) must sum to the "
                    + "principal within loanYear..loanYear+6. The changed proposal must have no ERROR finding. A cancelled proposal "
                    + "takes no decisions (422 PROPOSAL_CANCELLED).")
    @APIResponse(responseCode = "201", description = "Recorded, PENDING", content = @Content(schema = @Schema(implementation = DecisionJson.Response.class)))
    @APIResponse(responseCode = "422", description = "Invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("reference") String reference, @Valid DecisionJson.Request request) {
        if (request == null) {
            throw Requests.missingBody();
        }
        DecisionJson.Response created = service.create(reference, request);
        return Response.created(URI.create("/api/proposals/" + PathSegments.encode(reference) + "/decisions/" + created.id()))
                .entity(created).build();
    }

    @GET
    @Operation(summary = "The change decisions of a proposal, oldest first")
    @APIResponse(responseCode = "200", description = "The decisions",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DecisionJson.Response.class)))
    public List<DecisionJson.Response> list(@PathParam("reference") String reference) {
        return service.list(reference);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One change decision")
    public DecisionJson.Response get(@PathParam("reference") String reference, @PathParam("id") long id) {
        return service.get(reference, id);
    }

    @PUT
    @Path("/{id}/approvals/{body}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Record one body's approval",
            description = "In order: COMMITTEE, then FINANCE_COMMITTEE, then CITY_COUNCIL (for ØKF's own proposals ØU is recorded "
                    + "as COMMITTEE and FINANCE_COMMITTEE, in either order, then CITY_COUNCIL); out of order is 409 "
                    + "APPROVAL_OUT_OF_ORDER. The date must not be after today (422 APPROVAL_DATE_IN_FUTURE) nor before the previous "
                    + "body's approval (422 APPROVAL_DATE_BEFORE_PREVIOUS); a corrected date not after the next body's (422 "
                    + "APPROVAL_DATE_AFTER_NEXT). Dates before the decision was registered are normal. A refusal records nothing. "
                    + "The same values again answer 200 unchanged; other values replace them while the decision is pending; once "
                    + "it has taken effect its approvals are not changed (409 DECISION_IN_EFFECT). The third approval "
                    + "makes the decision APPROVED and applies it in the same transaction: a new plan version from the effective "
                    + "year, the new loan schedule, or the cancellation.")
    @APIResponse(responseCode = "200", description = "The decision", content = @Content(schema = @Schema(implementation = DecisionJson.Response.class)))
    @APIResponse(responseCode = "409", description = "Out of order (APPROVAL_OUT_OF_ORDER): a body before this one has not approved yet; or the decision has taken effect (DECISION_IN_EFFECT)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The date is after today or out of order with the other approvals' dates, or the decision can no longer take effect", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DecisionJson.Response approve(@PathParam("reference") String reference, @PathParam("id") long id,
            @PathParam("body") ApprovalBody body, @Valid DecisionJson.ApprovalRequest request) {
        if (request == null) {
            throw Requests.missingBody();
        }
        return service.approve(reference, id, body, request);
    }
}
