package dk.kk.gevinstspor.common.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Security headers on every response, pages, files and API alike: a Content-Security-Policy that allows only the
 * service's own scripts, styles and images (the pages have no inline script or style; the charts are inline SVG
 * elements, not images), no framing, no MIME sniffing, and no referrer sent to other sites. Swagger UI ({@code /q/swagger-ui}, inline scripts) gets all but the policy.
 * Every answer but the static files ({@code /css/}, {@code /js/}, Swagger UI's) has {@code Cache-Control: no-store};
 * an answer to a request that came over https (directly, or through a trusted proxy's {@code X-Forwarded-Proto})
 * has {@code Strict-Transport-Security}.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none';"
            + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    void install(@Observes Router router) {
        router.route().order(-2000).handler(this::handle);
    }

    /** One year: browsers that once reached the service over https keep to https. */
    static final String HSTS = "max-age=31536000";

    private void handle(RoutingContext context) {
        String path = context.normalizedPath();
        boolean tools = path.startsWith("/q/swagger-ui");
        boolean staticFile = tools || path.startsWith("/css/") || path.startsWith("/js/");
        // after the forwarded headers are read: https when the ingress (a trusted proxy) says so
        boolean https = context.request().isSSL();
        context.addHeadersEndHandler(v -> {
            MultiMap headers = context.response().headers();
            if (!tools) {
                headers.set("Content-Security-Policy", POLICY);
            }
            if (!staticFile) {
                // pages, API answers, files and errors may show what only the signed-in user may see: no browser or
                // proxy keeps them (after logout, Back shows nothing)
                headers.set("Cache-Control", "no-store");
            }
            if (https) {
                headers.set("Strict-Transport-Security", HSTS);
            }
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "same-origin");
        });
        context.next();
    }
}
