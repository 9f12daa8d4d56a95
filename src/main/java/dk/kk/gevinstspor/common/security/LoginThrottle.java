package dk.kk.gevinstspor.common.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Slows down password guessing: after {@value #FREE_FAILURES} failed logins in a row from one address for one
 * user name (HTTP Basic or the login form), further attempts are refused with 429 for a while that doubles
 * with each further failure (1 minute up to 15). A successful login clears the count. The count lives in
 * this replica's memory: it is a brake, not data.
 */
@Singleton
public class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_BLOCK = Duration.ofMinutes(1);
    static final Duration LONGEST_BLOCK = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;
    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);

    private record Failures(int count, Instant blockedUntil, Instant last) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    void install(@Observes Router router) {
        router.route().order(-1000).handler(this::handle);
    }

    void handle(RoutingContext rc) {
        String key = keyOf(rc);
        if (key == null) {
            rc.next();
            return;
        }
        Instant now = clock.instant();
        Failures f = failures.get(key);
        if (f != null && f.blockedUntil() != null && now.isBefore(f.blockedUntil())) {
            long seconds = Math.max(1, Duration.between(now, f.blockedUntil()).toSeconds());
            rc.response().setStatusCode(429).putHeader("Retry-After", Long.toString(seconds))
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    .end("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,\"detail\":"
                            + "\"Too many failed logins; try again in " + seconds + " seconds.\"}");
            return;
        }
        rc.addHeadersEndHandler(v -> record(rc, key));
        rc.next();
    }

    private void record(RoutingContext rc, String key) {
        int status = rc.response().getStatusCode();
        boolean formLogin = rc.request().path().equals("/j_security_check");
        String location = rc.response().headers().get(HttpHeaders.LOCATION);
        boolean failed = formLogin ? location != null && location.contains("fejl") : status == 401;
        if (failed) {
            failed(key);
        } else if (status < 400) {
            failures.remove(key);
        }
    }

    void failed(String key) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.entrySet().removeIf(e -> e.getValue().last().isBefore(now.minus(LONGEST_BLOCK)));
        }
        Failures updated = failures.merge(key, new Failures(1, null, now), (old, one) -> {
            int count = old.last().isBefore(now.minus(LONGEST_BLOCK)) ? 1 : old.count() + 1;
            Instant until = null;
            if (count >= FREE_FAILURES) {
                Duration block = FIRST_BLOCK.multipliedBy(1L << Math.min(count - FREE_FAILURES, 4));
                until = now.plus(block.compareTo(LONGEST_BLOCK) > 0 ? LONGEST_BLOCK : block);
            }
            return new Failures(count, until, now);
        });
        if (updated.blockedUntil() != null) {
            LOG.warnf("Login blocked until %s after %d failures for %s", updated.blockedUntil(), updated.count(),
                    key.substring(key.indexOf('|') + 1));
        }
    }

    /** Address and user name of a login attempt, or null when the request carries no credentials. */
    static String keyOf(RoutingContext rc) {
        String address = rc.request().remoteAddress() == null ? "?" : rc.request().remoteAddress().host();
        if (rc.request().path().equals("/j_security_check")) {
            return address + "|(form)";
        }
        String authorization = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return address + "|" + (colon < 0 ? decoded : decoded.substring(0, colon));
        } catch (IllegalArgumentException e) {
            return address + "|(unreadable)";
        }
    }
}
