package dk.kk.gevinstspor.admin.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dk.kk.gevinstspor.admin.ReferenceData;
import io.quarkus.security.Authenticated;

/** Reference data of API.md: the administrations and their committees. */
@Path("/api")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data")
public class ReferenceDataResource {

    /** {@code sector}: a fagforvaltning, counting towards cross-cutting (DOMAIN.md Edges 1); false for ØKF. */
    public record AdministrationResponse(String code, String name, String committee, boolean sector) {
    }

    public record CommitteeResponse(String code, String name) {
    }

    @Inject
    ReferenceData referenceData;

    @GET
    @Path("/administrations")
    @Operation(summary = "The administrations (forvaltninger) and the committee each answers to")
    public List<AdministrationResponse> administrations() {
        return referenceData.administrations().stream()
                .map(a -> new AdministrationResponse(a.code, a.name, a.committeeCode, a.sector))
                .toList();
    }

    @GET
    @Path("/committees")
    @Operation(summary = "The committees (fagudvalg)")
    public List<CommitteeResponse> committees() {
        return referenceData.committees().stream()
                .map(c -> new CommitteeResponse(c.code, c.name))
                .toList();
    }
}
