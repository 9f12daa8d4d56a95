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
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none';"
            + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    void install(@Observes Router router) {
        router.route().order(-2000).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        boolean tools = context.normalizedPath().startsWith("/q/swagger-ui");
        context.addHeadersEndHandler(v -> {
            MultiMap headers = context.response().headers();
            if (!tools) {
                headers.set("Content-Security-Policy", POLICY);
            }
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "same-origin");
        });
        context.next();
    }
}
