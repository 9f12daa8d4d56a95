package dk.kk.gevinstspor.common.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.quarkus.qute.TemplateInstance;

/** The Danish start page: what the service is and where its API documentation lives. */
@Path("/")
@PermitAll
public class StartPage {

    private final SecurityIdentity identity;

    public StartPage(SecurityIdentity identity) {
        this.identity = identity;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(String username);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    @Blocking
    public TemplateInstance index() {
        return Templates.index(identity.isAnonymous() ? null : identity.getPrincipal().getName());
    }
}
