package dk.kk.gevinstspor.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Trusted proxies are addresses, never names Quarkus would look up per request (issue 23). */
class TrustedProxiesTest {

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "10.0.0.0/8", "127.0.0.1/32", "::1/128", "fd00::/8", "[::1]", "[fe80::1]" })
    void addresses_and_ranges_are_accepted(String entry) {
        assertThat(TrustedProxies.isAddress(entry)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "::1", "fe80::1", "localhost", "ingress.kube-system", "proxy.kk.dk/24", "10.0.0.1:8080" })
    void names_and_bare_ipv6_are_refused(String entry) {
        assertThat(TrustedProxies.isAddress(entry)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void the_start_fails_naming_every_refused_entry() {
        assertThatThrownBy(() -> TrustedProxies.check(List.of("127.0.0.1", "::1", "localhost")))
                .hasMessageContaining("not: ::1, localhost");
        TrustedProxies.check(List.of("127.0.0.1/32", "::1/128"));
    }

    @org.junit.jupiter.api.Test
    void ranges_trust_exactly_their_addresses_and_never_a_name() {
        var ranges = TrustedProxies.ranges(List.of("10.42.7.0/28", "192.0.2.1", "[fe80::1]", "fd00::/8"));
        assertThat(TrustedProxies.trusts(ranges, "10.42.7.0")).isTrue();
        assertThat(TrustedProxies.trusts(ranges, "10.42.7.15")).isTrue();
        assertThat(TrustedProxies.trusts(ranges, "10.42.7.16")).isFalse();
        assertThat(TrustedProxies.trusts(ranges, "10.0.0.1")).isFalse();
        assertThat(TrustedProxies.trusts(ranges, "192.0.2.1")).isTrue();
        assertThat(TrustedProxies.trusts(ranges, "192.0.2.2")).isFalse();
        assertThat(TrustedProxies.trusts(ranges, "fe80::1")).isTrue();
        assertThat(TrustedProxies.trusts(ranges, "[fd12::5]")).isTrue();
        assertThat(TrustedProxies.trusts(ranges, "fe80::2")).isFalse();
        assertThat(TrustedProxies.trusts(ranges, "localhost")).isFalse();
        assertThat(TrustedProxies.trusts(ranges, "")).isFalse();
    }
}
