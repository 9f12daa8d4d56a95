package dk.kk.gevinstspor.common.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dk.kk.gevinstspor.common.error.ApiException;
import dk.kk.gevinstspor.common.error.Problem;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * CSRF protection of the pages' forms (double submit): a random token in an HttpOnly, SameSite=Strict cookie
 * and the same token in a hidden field of every form ({@code {inject:csrf.token}} in templates). A form's POST
 * handler calls {@link #verify}. The same token guards the login form and the API's writes made with the session
 * cookie (header {@value CrossSiteGuard#HEADER}): {@link CrossSiteGuard}.
 */
@Named("csrf")
@RequestScoped
public class Csrf {

    public static final String COOKIE = "gevinstspor-csrf";
    public static final String FIELD = "csrf-token";
    /** What a form posted without the right token is told. */
    public static final String REFUSED = "Formularen er udløbet eller kom ikke fra Gevinstspor. Genindlæs siden og prøv igen.";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    RoutingContext routing;
    private String token;

    /** The token for this visitor's forms; set as a cookie the first time. */
    public String getToken() {
        if (token == null) {
            token = cookieToken();
            if (token == null) {
                byte[] bytes = new byte[24];
                RANDOM.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                routing.response().addCookie(Cookie.cookie(COOKIE, token).setPath("/").setHttpOnly(true)
                        .setSameSite(CookieSameSite.STRICT).setSecure(routing.request().isSSL()));
            }
        }
        return token;
    }

    public String getParameterName() {
        return FIELD;
    }

    /** @throws ApiException 400 unless the form's token equals the cookie's */
    public void verify(String formToken) {
        if (!matches(cookieToken(), formToken)) {
            throw new ApiException(Problem.of(400, "Bad Request", REFUSED));
        }
    }

    /**
     * The double-submit rule, the one place it is decided: a token was sent, the visitor has the cookie, and both
     * are equal (compared in constant time).
     */
    public static boolean matches(String cookieToken, String sentToken) {
        return cookieToken != null && !cookieToken.isBlank() && sentToken != null
                && MessageDigest.isEqual(cookieToken.getBytes(StandardCharsets.UTF_8), sentToken.getBytes(StandardCharsets.UTF_8));
    }

    private String cookieToken() {
        Cookie cookie = routing.request().getCookie(COOKIE);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }
}
