package dk.kk.gevinstspor.snapshot.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dk.kk.gevinstspor.common.security.Roles;
import dk.kk.gevinstspor.snapshot.SnapshotFailure;
import dk.kk.gevinstspor.snapshot.SnapshotService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * {@code /admin/beregningsfejl}: the proposals the snapshot job could not evaluate (docs/reporting.md, Failures), with
 * the domain's message and since when, so that admins can have their data fixed; the job tries them again every run.
 */
@Path("/admin/beregningsfejl")
@RolesAllowed(Roles.ADMIN)
public class SnapshotFailurePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<SnapshotFailure> failures);
    }

    @Inject
    SnapshotService snapshots;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance list() {
        return Templates.list(snapshots.failures());
    }
}
