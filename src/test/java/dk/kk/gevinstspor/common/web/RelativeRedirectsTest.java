package dk.kk.gevinstspor.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A redirect to the service itself is a path; the Host header the client wrote never comes back in it. */
class RelativeRedirectsTest {

    @Test
    void a_location_on_the_requests_own_host_becomes_its_path() {
        assertThat(RelativeRedirects.relative("http://evil.example/login?fejl=1", "evil.example")).isEqualTo("/login?fejl=1");
        assertThat(RelativeRedirects.relative("https://EVIL.example:8443/", "evil.example")).isEqualTo("/");
        assertThat(RelativeRedirects.relative("http://evil.example", "evil.example")).isEqualTo("/");
        assertThat(RelativeRedirects.relative("http://[::1]:8080/forslag/X#beslutning-2", "[::1]")).isEqualTo("/forslag/X#beslutning-2");
        assertThat(RelativeRedirects.relative("http://evil.example//other.example/x", "evil.example"))
                .as("never a protocol-relative path").isEqualTo("/other.example/x");
    }

    @Test
    void other_locations_stay() {
        assertThat(RelativeRedirects.relative("/login", "localhost")).isEqualTo("/login");
        assertThat(RelativeRedirects.relative("https://login.kk.dk/realms/kk", "gevinstspor.kk.dk")).isEqualTo("https://login.kk.dk/realms/kk");
        assertThat(RelativeRedirects.relative("not a uri", "localhost")).isEqualTo("not a uri");
        // another port of the same host is another site (an identity provider on localhost in the tests)
        assertThat(RelativeRedirects.relative("http://localhost:48957/kk/authorize?x=1", "localhost", 8080))
                .isEqualTo("http://localhost:48957/kk/authorize?x=1");
        assertThat(RelativeRedirects.relative("http://localhost:8080/login", "localhost", 8080)).isEqualTo("/login");
    }
}
