package dk.kk.gevinstspor.common.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.kk.gevinstspor.common.error.Problem;
import dk.kk.gevinstspor.common.security.OpenIdConnect;

/**
 * Cross-site request forgery where the pages' session cookie would act, checked before any handler reads a body
 * (docs/security.md, CSRF):
 * <ul>
 * <li><b>API writes with a session cookie</b> ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE} under
 * {@code /api} carrying {@value LoginPage#SESSION_COOKIE} or the OpenID Connect code flow's session cookie
 * ({@code q_session…}) and no {@code Authorization} header) need the pages' CSRF
 * token in the header {@value #HEADER}; otherwise 403 problem+json {@code CSRF_TOKEN_REQUIRED}. Requests with an
 * {@code Authorization} header (HTTP Basic, bearer tokens) are not affected: a browser sends no such header to
 * another site without that site's CORS consent, which Gevinstspor never gives.</li>
 * <li><b>The login form</b> ({@code POST /j_security_check}) must come from a Gevinstspor page: an {@code Origin}
 * header, when sent, must be this service's own (403 otherwise), and the form's CSRF token must equal the cookie's
 * (400 otherwise, as every other form). The token travels in the form's action URL, {@code ?csrf-token=…}, so that
 * it is checked here before any handler reads the body ({@link LoginPage} signs in).</li>
 * <li><b>The provider's logout</b> ({@value OpenIdConnect#SIGN_OUT}, where quarkus-oidc ends the code flow's session)
 * needs the token as {@code ?csrf-token=…} too (400 otherwise), so that another site cannot sign a user out; the
 * pages reach it only through {@code POST /logout}, which carries the token.</li>
 * </ul>
 * Both compare with {@link Csrf#matches}, the one rule for the double-submit token.
 */
@Singleton
public class CrossSiteGuard {

    /** The request header that carries the CSRF token on API writes made with the session cookie. */
    public static final String HEADER = "X-CSRF-Token";
    static final String LOGIN_POST = "/j_security_check";
    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        // after the security headers (-2000), before the login throttle (-1000) and every authentication
        router.route().order(-1500).handler(this::handle);
    }

    void handle(RoutingContext rc) {
        String path = rc.normalizedPath();
        HttpMethod method = rc.request().method();
        if (method == HttpMethod.POST && path.equals(LOGIN_POST)) {
            checkLogin(rc);
        } else if (path.equals(OpenIdConnect.SIGN_OUT)) {
            checkToken(rc);
        } else if (WRITES.contains(method) && (path.equals("/api") || path.startsWith("/api/")) && hasSessionCookie(rc)
                && rc.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
            checkApiWrite(rc);
        } else {
            rc.next();
        }
    }

    /** The pages' session cookie or the code flow's (quarkus-oidc's {@code q_session}, perhaps in chunks). */
    private static boolean hasSessionCookie(RoutingContext rc) {
        return rc.request().getCookie(LoginPage.SESSION_COOKIE) != null
                || rc.request().cookies().stream().anyMatch(c -> OpenIdConnect.isSessionCookie(c.getName()));
    }

    private void checkApiWrite(RoutingContext rc) {
        if (Csrf.matches(csrfCookie(rc), rc.request().getHeader(HEADER))) {
            rc.next();
            return;
        }
        Problem problem = new Problem("about:blank", "Forbidden", 403,
                "A write to the API with the pages' session cookie needs the pages' CSRF token in the header " + HEADER + ".",
                List.of(new Problem.Error(null, null, null, "CSRF_TOKEN_REQUIRED",
                        "Ændringer gennem API'et med sidernes login kræver sidernes CSRF-token i headeren " + HEADER
                                + ". Programmer logger ind med HTTP Basic eller et token.")));
        try {
            end(rc, 403, Problem.MEDIA_TYPE, json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            rc.fail(e);
        }
    }

    private void checkLogin(RoutingContext rc) {
        String origin = rc.request().getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !sameOrigin(origin, rc)) {
            page(rc, 403, "Ingen adgang", "Indlogningen kom ikke fra Gevinstspors egen side. Åbn Gevinstspor og log ind der.");
            return;
        }
        checkToken(rc);
    }

    /** The CSRF token in the URL ({@code ?csrf-token=…}) must equal the cookie's: 400 with the Danish page otherwise. */
    private static void checkToken(RoutingContext rc) {
        if (!Csrf.matches(csrfCookie(rc), rc.queryParams().get(Csrf.FIELD))) {
            page(rc, 400, "Formularen er udløbet", Csrf.REFUSED);
            return;
        }
        rc.next();
    }

    /** The Origin names this service as the request reached it (scheme and host, after trusted proxies' headers). */
    static boolean sameOrigin(String origin, RoutingContext rc) {
        try {
            URI o = URI.create(origin.trim());
            URI self = URI.create(rc.request().scheme() + "://" + rc.request().authority());
            return o.getScheme() != null && o.getHost() != null && o.getPath().isEmpty()
                    && o.getScheme().equalsIgnoreCase(self.getScheme()) && o.getHost().equalsIgnoreCase(self.getHost())
                    && port(o) == port(self);
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
    }

    private static String csrfCookie(RoutingContext rc) {
        Cookie cookie = rc.request().getCookie(Csrf.COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    private static void page(RoutingContext rc, int status, String heading, String message) {
        end(rc, status, "text/html;charset=UTF-8", ErrorPages.withoutMenu(status, heading, message));
    }

    private static void end(RoutingContext rc, int status, String type, String body) {
        rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, type).end(body);
    }
}
