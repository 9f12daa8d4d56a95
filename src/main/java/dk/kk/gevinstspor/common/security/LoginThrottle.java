package dk.kk.gevinstspor.common.security;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Slows down password guessing: after {@value #FREE_FAILURES} failed logins in a row from one address for one
 * user name (HTTP Basic or the login form), further attempts are refused with 429 for a while that doubles
 * with each further failure (1 minute up to 15). A successful login clears the count. The counts live in the
 * database (table {@code login_failure}), so every replica throttles the same guesser; a request with
 * credentials costs one look-up by primary key.
 */
@Singleton
public class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_BLOCK = Duration.ofMinutes(1);
    static final Duration LONGEST_BLOCK = Duration.ofMinutes(15);
    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);

    /** What the database knows of an attempt's key: nothing, failures, or a block still running. */
    private record Known(boolean failures, long blockedSeconds) {
        static final Known NOTHING = new Known(false, 0);
    }

    private final AgroalDataSource dataSource;
    /** Writes of this replica still running, by key. */
    private final Map<String, Future<?>> recorded = new ConcurrentHashMap<>();

    public LoginThrottle(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(this::handle);
    }

    void handle(RoutingContext rc) {
        String key = keyOf(rc);
        if (key == null) {
            rc.next();
            return;
        }
        // the body must wait for the handlers after the look-up (it would be lost otherwise)
        rc.request().pause();
        Future<?> recording = recorded.getOrDefault(key, Future.succeededFuture());
        recording.transform(done -> rc.vertx().executeBlocking(() -> known(key), false)).onComplete(lookup -> {
            Known known = lookup.succeeded() ? lookup.result() : Known.NOTHING;
            if (lookup.failed()) {
                LOG.warnf("Login throttle not consulted: %s", lookup.cause().getMessage());
            }
            rc.request().resume();
            if (known.blockedSeconds() > 0) {
                long seconds = known.blockedSeconds();
                rc.response().setStatusCode(429).putHeader("Retry-After", Long.toString(seconds))
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                        .end("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,\"detail\":"
                                + "\"Too many failed logins; try again in " + seconds + " seconds.\"}");
                return;
            }
            rc.addHeadersEndHandler(v -> record(rc, key, known.failures()));
            rc.next();
        });
    }

    private void record(RoutingContext rc, String key, boolean hadFailures) {
        int status = rc.response().getStatusCode();
        boolean formLogin = rc.request().path().equals("/j_security_check");
        String location = rc.response().headers().get(HttpHeaders.LOCATION);
        boolean failed = formLogin ? location != null && location.contains("fejl") : status == 401;
        Future<Integer> write;
        if (failed) {
            write = rc.vertx().executeBlocking(() -> failed(key), false);
        } else if (status < 400 && hadFailures) {
            write = rc.vertx().executeBlocking(() -> cleared(key), false);
        } else {
            return;
        }
        // the answer leaves before the write is done: this replica's next look-up of the key waits for it
        recorded.put(key, write);
        write.onComplete(done -> recorded.remove(key, write));
    }

    private Known known(String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT ceil(extract(epoch FROM blocked_until - now()))::bigint"
                        + " FROM login_failure WHERE attempt = ?")) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? new Known(true, Math.max(0, rs.getLong(1))) : Known.NOTHING;
            }
        }
    }

    /** Counts a failure (a count older than the longest block starts again at one) and blocks from the fifth. */
    int failed(String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement expire = c.prepareStatement("DELETE FROM login_failure WHERE last_failure < now() - interval '1 day'");
                PreparedStatement count = c.prepareStatement("""
                        INSERT INTO login_failure AS f (attempt, failures, last_failure) VALUES (?, 1, now())
                        ON CONFLICT (attempt) DO UPDATE SET last_failure = now(),
                            failures = CASE WHEN f.last_failure < now() - make_interval(secs => ?) THEN 1 ELSE f.failures + 1 END
                        RETURNING failures, now()""");
                PreparedStatement block = c.prepareStatement("UPDATE login_failure SET blocked_until = ? WHERE attempt = ?")) {
            expire.executeUpdate();
            count.setString(1, key);
            count.setLong(2, LONGEST_BLOCK.toSeconds());
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                int failures = rs.getInt(1);
                if (failures >= FREE_FAILURES) {
                    Duration length = FIRST_BLOCK.multipliedBy(1L << Math.min(failures - FREE_FAILURES, 4));
                    Timestamp until = Timestamp.from(rs.getTimestamp(2).toInstant()
                            .plus(length.compareTo(LONGEST_BLOCK) > 0 ? LONGEST_BLOCK : length));
                    block.setTimestamp(1, until);
                    block.setString(2, key);
                    block.executeUpdate();
                    LOG.warnf("Login blocked until %s after %d failures for %s", until.toInstant(), failures,
                            key.substring(key.indexOf('|') + 1));
                }
                return failures;
            }
        }
    }

    private int cleared(String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM login_failure WHERE attempt = ?")) {
            delete.setString(1, key);
            return delete.executeUpdate();
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
            String user = colon < 0 ? decoded : decoded.substring(0, colon);
            return address + "|" + (user.length() > 300 ? user.substring(0, 300) : user);
        } catch (IllegalArgumentException e) {
            return address + "|(unreadable)";
        }
    }
}
