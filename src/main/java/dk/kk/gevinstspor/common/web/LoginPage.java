package dk.kk.gevinstspor.common.web;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dk.kk.gevinstspor.common.security.Caller;
import dk.kk.gevinstspor.common.security.LoginThrottled;
import dk.kk.gevinstspor.common.security.OpenIdConnect;
import dk.kk.gevinstspor.common.security.Sessions;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Signing in and out of the pages. The form posts user name and password to {@code /j_security_check}; a right
 * password of an enabled user opens a session in the database ({@link Sessions}) and sets its cookie, and leads to
 * the page asked for ({@link LoginReturn}: a path of this site only) or the start page, or to the page for a new
 * password after an admin's reset. Signing out is a POST with the CSRF
 * token that ends the session in the database (so the old cookie signs nobody in any more) and clears the cookie.
 * Redirects name a path only, never the request's host. With OpenID Connect on, the page also offers the sign-in
 * through the provider ({@link OpenIdConnect#SIGN_IN}, which Quarkus' code flow guards: an anonymous request goes to
 * the provider and comes back signed in), and signing out of such a session ends the provider's too.
 */
@Path("/")
@PermitAll
public class LoginPage {

    public static final String SESSION_COOKIE = Sessions.COOKIE;
    static final String FAILED = "/login?fejl=1";
    /** The page where a user chooses a new password (admin.web.PasswordPage). */
    public static final String PASSWORD_PAGE = "/adgangskode";

    @Inject
    Csrf csrf;
    @Inject
    Sessions sessions;
    @Inject
    IdentityProviderManager identities;
    @Inject
    RoutingContext routing;
    @Inject
    OpenIdConnect oidc;
    @Inject
    SecurityIdentity identity;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed, boolean oidc, String returnTo);
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance login(@QueryParam("fejl") String failed, @QueryParam(LoginReturn.PARAMETER) String returnTo) {
        return Templates.login(failed != null, oidc.enabled(), LoginReturn.safe(returnTo).orElse(null));
    }

    /**
     * Where the provider sends the browser back, signed in (Quarkus' code flow has taken the code and set its session
     * cookie): on to the page asked for, {@code side}, when that is a path of this service ({@link LoginReturn}), else
     * the start page.
     */
    @GET
    @Path("login/oidc")
    @Operation(hidden = true)
    public Response signedInByProvider(@QueryParam("side") String page) {
        if (!oidc.enabled() || identity.isAnonymous()) {
            return redirect(303, "/login").build();
        }
        return redirect(303, LoginReturn.after(page)).build();
    }

    @POST
    @Path("j_security_check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response signIn(@FormParam("j_username") String username, @FormParam("j_password") String password,
            @FormParam(LoginReturn.PARAMETER) String returnTo) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return redirect(303, failed(returnTo)).build();
        }
        SecurityIdentity identity;
        try {
            UsernamePasswordAuthenticationRequest request = new UsernamePasswordAuthenticationRequest(username,
                    new PasswordCredential(password.toCharArray()));
            // the login throttle counts by the client's address, which it reads from the request's routing context
            HttpSecurityUtils.setRoutingContextAttribute(request, routing);
            identity = identities.authenticateBlocking(request);
        } catch (AuthenticationFailedException e) {
            if (LoginThrottled.retryAfter(e).isPresent()) {
                throw e; // 429 with Retry-After and a Danish page (common.error.ProblemMapper)
            }
            return redirect(303, failed(returnTo)).build();
        }
        // a new token at every sign-in; a session this browser had before ends
        sessions.close(currentToken());
        String token = sessions.open(identity.getPrincipal().getName());
        return redirect(302, Caller.mustChangePassword(identity) ? PASSWORD_PAGE : LoginReturn.after(returnTo)).cookie(cookie(token, false)).build();
    }

    @POST
    @Path("logout")
    @Operation(hidden = true)
    public Response logout(@FormParam(Csrf.FIELD) String token) {
        csrf.verify(token);
        sessions.close(currentToken());
        if (oidc.enabled() && OpenIdConnect.fromProvider(identity)) {
            // the code flow's session: quarkus-oidc ends it there and sends the browser to the provider's logout
            return redirect(303, OpenIdConnect.SIGN_OUT + "?" + Csrf.FIELD + "=" + token).cookie(cookie("", true)).build();
        }
        return redirect(303, "/login").cookie(cookie("", true)).build();
    }

    /** The login page again with its error, still returning to the page asked for. */
    static String failed(String returnTo) {
        String login = LoginReturn.loginPath(returnTo);
        return login.equals("/login") ? FAILED : login + "&fejl=1";
    }

    private NewCookie cookie(String token, boolean expired) {
        return sessionCookie(token, expired, routing.request().isSSL());
    }

    private String currentToken() {
        Cookie cookie = routing.request().getCookie(SESSION_COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    /** The session cookie: HttpOnly, SameSite=Strict, Secure when the request came over https; a session cookie of the browser. */
    public static NewCookie sessionCookie(String token, boolean expired, boolean secure) {
        NewCookie.Builder cookie = new NewCookie.Builder(SESSION_COOKIE).value(token).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).secure(secure);
        return (expired ? cookie.maxAge(0) : cookie).build();
    }

    private static Response.ResponseBuilder redirect(int status, String path) {
        return Response.status(status).header(HttpHeaders.LOCATION, path);
    }
}
