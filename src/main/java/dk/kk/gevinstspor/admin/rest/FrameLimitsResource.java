package dk.kk.gevinstspor.admin.rest;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import dk.kk.gevinstspor.admin.SettingsService;
import dk.kk.gevinstspor.common.error.Problem;
import dk.kk.gevinstspor.common.error.Requests;
import dk.kk.gevinstspor.common.security.Roles;
import dk.kk.gevinstspor.domain.FiscalYear;
import io.quarkus.security.Authenticated;

/** The innovation pool's frame limits per adoption year (API.md, Settings). Everyone reads; admins write. */
@Path("/api/innovation-frames")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Settings")
public class FrameLimitsResource {

    @Inject
    SettingsService service;

    @GET
    @Path("/{adoptionYear}/limits")
    @Operation(summary = "The innovation pool's frame limits of an adoption year",
            description = "All five frames: the seed's defaults (15 mio. in all, 10 transfer case, 5 budget, pre-analyses 3 + 1) "
                    + "overlaid with stored limits.")
    public Map<String, BigDecimal> frameLimits(@PathParam("adoptionYear") String adoptionYear) {
        return service.frameLimitsMap(year(adoptionYear));
    }

    @PUT
    @Path("/{adoptionYear}/limits")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set frame limits of an adoption year (admin only)", description = "All five frames or a subset; the others "
            + "keep their limits. Amounts ≥ 0 with at most two decimals; an unknown frame is 422 UNKNOWN_FRAME. No version: "
            + "the last write wins. Answers with all five limits.")
    @APIResponse(responseCode = "422", description = "Unknown frame or invalid amount", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Map<String, BigDecimal> putFrameLimits(@PathParam("adoptionYear") String adoptionYear, Map<String, BigDecimal> body) {
        if (body == null) {
            throw Requests.missingBody();
        }
        return service.putFrameLimits(year(adoptionYear), body);
    }

    private static int year(String value) {
        return Requests.intParam("year", value, 0, FiscalYear.MIN, FiscalYear.MAX);
    }
}
