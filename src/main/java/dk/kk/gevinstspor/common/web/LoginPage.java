package dk.kk.gevinstspor.common.web;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Signing in and out of the pages. The form posts to Quarkus' form authentication ({@code /j_security_check});
 * signing out is a POST with the CSRF token that clears the session cookie.
 */
@Path("/")
@PermitAll
public class LoginPage {

    public static final String SESSION_COOKIE = "gevinstspor-session";

    private final Csrf csrf;

    public LoginPage(Csrf csrf) {
        this.csrf = csrf;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed);
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance login(@QueryParam("fejl") String failed) {
        return Templates.login(failed != null);
    }

    @POST
    @Path("logout")
    @Operation(hidden = true)
    public Response logout(@FormParam(Csrf.FIELD) String token) {
        csrf.verify(token);
        NewCookie expired = new NewCookie.Builder(SESSION_COOKIE).path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).value("").build();
        return Response.seeOther(URI.create("/login")).cookie(expired).build();
    }
}
