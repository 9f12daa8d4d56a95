package dk.kk.gevinstspor.common.security;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The address of the client of a request, for the login throttle: the peer of the connection, unless that is a trusted
 * proxy ({@link TrustedProxies}); then the rightmost {@code X-Forwarded-For} hop that is not a trusted proxy. Each proxy
 * appends the address it was reached from, so the entries right of the first untrusted one were written by our proxies
 * and everything left of it by whoever sent the request: the leftmost entry (which Quarkus' {@code remoteAddress()}
 * gives) is the client's to choose.
 */
@ApplicationScoped
public class ClientAddress {

    /** Longest address kept (an IPv6 address with zone is under 50 characters); anything longer is cut. */
    static final int MAX_LENGTH = 64;

    @Inject
    TrustedProxies trusted;

    public String of(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        var peer = request.connection() == null ? null : request.connection().remoteAddress();
        return of(peer == null ? null : peer.hostAddress(), request.headers().getAll("X-Forwarded-For"), trusted::trusts);
    }

    /**
     * The client's address given the connection's peer, the values of every {@code X-Forwarded-For} header in their
     * order, and which addresses are trusted proxies.
     */
    static String of(String peer, List<String> forwardedFor, Predicate<String> trusted) {
        if (peer == null) {
            return "?";
        }
        if (!trusted.test(peer)) {
            return cut(peer);
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            client = hops.get(i);
            if (!trusted.test(client)) {
                break;
            }
        }
        return cut(client);
    }

    private static String cut(String address) {
        return address.length() > MAX_LENGTH ? address.substring(0, MAX_LENGTH) : address;
    }
}
