package dk.kk.gevinstspor.common.web;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Every redirect to the service itself leaves with a relative {@code Location} (a path): Quarkus' form sign-in and JAX-RS
 * ({@code Response.seeOther("/login")}) build absolute ones from the request's {@code Host} header, which the client
 * writes, so a forged {@code Host} would come back in the {@code Location} (to be cached by a proxy, or to send the user
 * elsewhere). A browser resolves a path against the address it asked, so https stays https behind the ingress.
 */
@ApplicationScoped
public class RelativeRedirects {

    void install(@Observes Router router) {
        router.route().order(-1900).handler(this::handle);
    }

    private void handle(RoutingContext rc) {
        rc.addHeadersEndHandler(v -> {
            String location = rc.response().headers().get(HttpHeaders.LOCATION);
            var authority = rc.request().authority();
            if (location != null && authority != null) {
                String relative = relative(location, authority.host(), authority.port());
                if (!relative.equals(location)) {
                    rc.response().headers().set(HttpHeaders.LOCATION, relative);
                }
            }
        });
        rc.next();
    }

    /**
     * The path (with query and fragment) of an http(s) {@code Location} on the request's own host (its {@code Host}
     * header), otherwise the location unchanged.
     */
    static String relative(String location, String host) {
        return relative(location, host, -1);
    }

    /**
     * As {@link #relative(String, String)}; when both the {@code Host} header and the location name a port, another
     * port is another site (e.g. an identity provider on the same host) and the location stays.
     */
    static String relative(String location, String host, int port) {
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            return location;
        }
        if (!uri.isAbsolute() || uri.getRawAuthority() == null || host == null
                || port >= 0 && uri.getPort() >= 0 && port != uri.getPort()
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null || !stripBrackets(uri.getHost()).equalsIgnoreCase(stripBrackets(host))) {
            return location;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (path.startsWith("//")) {
            path = "/" + path.replaceFirst("^/+", "");
        }
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
