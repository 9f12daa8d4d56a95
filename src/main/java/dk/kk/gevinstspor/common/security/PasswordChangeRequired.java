package dk.kk.gevinstspor.common.security;

import java.util.List;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dk.kk.gevinstspor.common.error.Problem;
import dk.kk.gevinstspor.common.web.LoginPage;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * A user whose password an admin reset must choose a new one before anything else: its pages lead to
 * {@value LoginPage#PASSWORD_PAGE}, its API calls get 403 {@code PASSWORD_CHANGE_REQUIRED}. Only the password
 * page, logout and the login form stay open to it.
 */
public class PasswordChangeRequired {

    private static final Set<String> OPEN = Set.of(LoginPage.PASSWORD_PAGE, "/logout", "/login", "/j_security_check");

    private final CurrentIdentityAssociation identity;

    public PasswordChangeRequired(CurrentIdentityAssociation identity) {
        this.identity = identity;
    }

    @ServerRequestFilter
    public Uni<Response> filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (OPEN.contains(path) || !carriesCredentials(request)) {
            return Uni.createFrom().nullItem();
        }
        return identity.getDeferredIdentity().map(id -> {
            if (id == null || id.isAnonymous() || !Caller.mustChangePassword(id)) {
                return null;
            }
            if (path.startsWith("/api")) {
                return Response.status(403).type(Problem.MEDIA_TYPE).entity(new Problem("about:blank", "Forbidden", 403,
                        "Choose a new password first: an admin reset it.", List.of(new Problem.Error(null, null, null,
                                "PASSWORD_CHANGE_REQUIRED", "Vælg en ny adgangskode på " + LoginPage.PASSWORD_PAGE + ", før du"
                                        + " bruger Gevinstspor: en administrator har nulstillet den.")))).build();
            }
            return Response.status(303).header(HttpHeaders.LOCATION, LoginPage.PASSWORD_PAGE).build();
        }).onFailure().recoverWithNull();
    }

    private static boolean carriesCredentials(ContainerRequestContext request) {
        return request.getHeaderString(HttpHeaders.AUTHORIZATION) != null || request.getCookies().containsKey(Sessions.COOKIE);
    }
}
