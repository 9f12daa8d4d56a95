package dk.kk.gevinstspor.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

/** The client's address: the rightmost X-Forwarded-For hop that is not a trusted proxy (the leftmost is the client's to write). */
class ClientAddressTest {

    /** The ingress controller's pods and loopback, as a deployment would trust them. */
    private static final List<TrustedProxies.Range> RANGES = TrustedProxies.ranges(List.of("10.42.7.0/28", "127.0.0.1/32", "::1/128"));
    private static final Predicate<String> TRUSTED = a -> TrustedProxies.trusts(RANGES, a);

    @Test
    void a_peer_that_is_no_trusted_proxy_is_the_client_whatever_it_forwards() {
        assertThat(ClientAddress.of("192.0.2.10", List.of("203.0.113.5"), TRUSTED)).isEqualTo("192.0.2.10");
        assertThat(ClientAddress.of("10.42.8.1", List.of("203.0.113.5"), TRUSTED)).as("outside the ingress range").isEqualTo("10.42.8.1");
    }

    @Test
    void behind_the_proxies_the_rightmost_untrusted_hop_is_the_client() {
        assertThat(ClientAddress.of("10.42.7.3", List.of("1.1.1.1, 2.2.2.2, 198.51.100.7"), TRUSTED)).isEqualTo("198.51.100.7");
        assertThat(ClientAddress.of("10.42.7.3", List.of("1.1.1.1, 198.51.100.7, 10.42.7.4, 127.0.0.1"), TRUSTED))
                .as("trusted proxies right of it are passed over").isEqualTo("198.51.100.7");
        assertThat(ClientAddress.of("10.42.7.3", List.of("1.1.1.1", "198.51.100.7"), TRUSTED))
                .as("several headers in their order").isEqualTo("198.51.100.7");
        assertThat(ClientAddress.of("10.42.7.3", List.of("1.1.1.1, not-an-address"), TRUSTED))
                .as("a hop that is no address is not trusted").isEqualTo("not-an-address");
    }

    @Test
    void behind_the_proxies_without_another_hop_the_last_proxy_is_the_client() {
        assertThat(ClientAddress.of("10.42.7.3", List.of(), TRUSTED)).isEqualTo("10.42.7.3");
        assertThat(ClientAddress.of("10.42.7.3", List.of("127.0.0.1, 10.42.7.9"), TRUSTED)).isEqualTo("127.0.0.1");
    }

    @Test
    void ipv6_and_ipv4_mapped_addresses_are_compared_as_addresses() {
        assertThat(ClientAddress.of("0:0:0:0:0:0:0:1", List.of("2001:db8::7"), TRUSTED)).isEqualTo("2001:db8::7");
        assertThat(ClientAddress.of("::ffff:10.42.7.3", List.of("198.51.100.9"), TRUSTED)).isEqualTo("198.51.100.9");
    }

    @Test
    void a_long_hop_is_cut() {
        String longHop = "x".repeat(500);
        assertThat(ClientAddress.of("127.0.0.1", List.of(longHop), TRUSTED)).hasSize(ClientAddress.MAX_LENGTH);
    }
}
