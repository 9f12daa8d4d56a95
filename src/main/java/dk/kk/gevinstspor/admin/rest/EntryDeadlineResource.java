package dk.kk.gevinstspor.admin.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dk.kk.gevinstspor.admin.SettingsJson;
import dk.kk.gevinstspor.admin.SettingsService;
import dk.kk.gevinstspor.common.error.Problem;
import dk.kk.gevinstspor.common.error.Requests;
import dk.kk.gevinstspor.common.security.Roles;
import io.quarkus.security.Authenticated;

/** The deadline for entering figures (not in API.md; docs/api-notes.md): everyone reads, admins write. */
@Path("/api/settings/entry-deadline")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Settings")
public class EntryDeadlineResource {

    @Inject
    SettingsService service;

    @GET
    @Operation(summary = "The deadline for entering an accounts year's figures", description = "Day and month of the year "
            + "after the accounts year (default 1 March: the figures of 2026 are due on 1 March 2027).")
    public SettingsJson.EntryDeadline entryDeadline() {
        return service.entryDeadlineJson();
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set the deadline for entering figures (admin only)", description = "day 1–31 and month 1–12 making "
            + "a date that exists every year (not 29 February), else 422; a version other than the stored one is 409.")
    @APIResponse(responseCode = "200", description = "The stored deadline", content = @Content(schema = @Schema(implementation = SettingsJson.EntryDeadline.class)))
    @APIResponse(responseCode = "409", description = "Stale version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not a day and month of every year", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SettingsJson.EntryDeadline putEntryDeadline(SettingsJson.EntryDeadline body) {
        if (body == null) {
            throw Requests.missingBody();
        }
        return service.putEntryDeadline(body);
    }
}
