package dk.kk.gevinstspor.common.web;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dk.kk.gevinstspor.common.config.Today;
import dk.kk.gevinstspor.common.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.quarkus.qute.TemplateInstance;

/**
 * The Danish start page: what the service is, the report pages for every signed-in user, the administration
 * pages for admins, and where the API documentation lives.
 */
@Path("/")
@PermitAll
public class StartPage {

    @Inject
    SecurityIdentity identity;
    @Inject
    Today today;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(String username, int year, boolean admin);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    @Blocking
    public TemplateInstance index() {
        return Templates.index(identity.isAnonymous() ? null : identity.getPrincipal().getName(), today.year(),
                identity.hasRole(Roles.ADMIN));
    }
}
