package dk.kk.gevinstspor.admin.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
import dk.kk.gevinstspor.domain.FiscalYear;
import io.quarkus.security.Authenticated;

/** The price index of API.md (Settings): year → index. Everyone reads; admins write. */
@Path("/api/price-index")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Settings")
public class PriceIndexResource {

    @Inject
    SettingsService service;

    @GET
    @Operation(summary = "Every year of the price index, ascending", description = "Empty: every conversion has factor 1. "
            + "?page=0&size=100 pages the list; X-Total-Count is the number of years.")
    public Response priceIndexList(@QueryParam("page") String page, @QueryParam("size") String size) {
        int p = Requests.intParam("page", page, 0, 0, Integer.MAX_VALUE);
        int s = Requests.intParam("size", size, 100, 1, 1000);
        List<SettingsJson.PriceIndexYear> all = service.priceIndexYears();
        long from = Math.min((long) p * s, all.size());
        long to = Math.min(from + s, all.size());
        return Response.ok(all.subList((int) from, (int) to)).header("X-Total-Count", all.size()).build();
    }

    @GET
    @Path("/{year}")
    @Operation(summary = "One year of the price index (404 when the year has none)")
    @APIResponse(responseCode = "200", description = "The year's index", content = @Content(schema = @Schema(implementation = SettingsJson.PriceIndexYear.class)))
    @APIResponse(responseCode = "404", description = "No index for the year", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SettingsJson.PriceIndexYear priceIndex(@PathParam("year") String year) {
        return service.priceIndexYear(year(year));
    }

    @PUT
    @Path("/{year}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set a year's price index (admin only)", description = "Index > 0 with at most four decimals (else 422). "
            + "The same index again answers 200 with the same version; a change of a stored year needs its current version (else 409).")
    @APIResponse(responseCode = "200", description = "The stored year", content = @Content(schema = @Schema(implementation = SettingsJson.PriceIndexYear.class)))
    @APIResponse(responseCode = "409", description = "Stale or missing version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid index or year mismatch", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SettingsJson.PriceIndexYear putPriceIndex(@PathParam("year") String year, SettingsJson.PriceIndexYear body) {
        if (body == null) {
            throw Requests.missingBody();
        }
        return service.putPriceIndex(year(year), body);
    }

    private static int year(String value) {
        return Requests.intParam("year", value, 0, FiscalYear.MIN, FiscalYear.MAX);
    }
}
