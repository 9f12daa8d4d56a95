package dk.kk.gevinstspor.snapshot.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dk.kk.gevinstspor.common.security.Roles;
import dk.kk.gevinstspor.snapshot.ProposalGauges;
import dk.kk.gevinstspor.snapshot.SnapshotService;

/** Administration of the evaluation snapshots (docs/api-notes.md, docs/reporting.md). */
@Path("/api/admin/snapshots")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Settings")
public class SnapshotResource {

    @Inject
    SnapshotService snapshots;
    @Inject
    ProposalGauges gauges;

    @POST
    @Path("/rebuild")
    @Operation(summary = "Rebuild every evaluation snapshot now",
            description = "Waits for a run of another replica to end, then recomputes every proposal and accounts year.")
    public SnapshotService.Run rebuild() {
        SnapshotService.Run run = snapshots.rebuild();
        gauges.update();
        return run;
    }
}
