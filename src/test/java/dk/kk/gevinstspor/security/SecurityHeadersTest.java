package dk.kk.gevinstspor.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dk.kk.gevinstspor.common.web.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;

/**
 * Security headers on every page, file and API answer (errors too), and the session cookie's flags: HttpOnly and
 * SameSite always, Secure when the request came over TLS through the ingress.
 */
@QuarkusTest
class SecurityHeadersTest {

    /** Pages (signed in as the admin), the API, static files and error answers. */
    static List<String> paths() {
        return List.of("/", "/login", "/indberetning", "/indberetning/upload", "/indberetning/BUF-T-FINDESIKKE/2029",
                "/css/gevinstspor.css", "/js/indberetning.js", "/api/proposals", "/api/proposals/FINDES-IKKE", "/api/committees",
                "/findes-ikke", "/q/openapi");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void every_answer_carries_the_security_headers(String path) {
        CookieFilter admin = Browser.login("admin", "admin-test-password");
        Response response = given().filter(admin).redirects().follow(false).auth().preemptive().basic("admin", "admin-test-password")
                .get(path);
        assertThat(response.header("Content-Security-Policy")).as(path)
                .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).as(path).isEqualTo("DENY");
        assertThat(response.header("Referrer-Policy")).as(path).isEqualTo("same-origin");
    }

    @Test
    void an_answer_without_a_login_carries_them_too() {
        Response refused = given().redirects().follow(false).get("/api/proposals");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(refused.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site_strict_and_secure_behind_tls() {
        Response plain = login(false);
        String cookie = plain.header("Set-Cookie");
        assertThat(cookie).startsWith("gevinstspor-session=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        assertThat(cookie).doesNotContain("Secure");

        Response tls = login(true);
        assertThat(tls.header("Set-Cookie")).startsWith("gevinstspor-session=").containsIgnoringCase("HttpOnly").contains("Secure")
                .containsIgnoringCase("SameSite=Strict");
        assertThat(tls.header("Location")).as("a path: the browser stays on https and on the host it asked for").isEqualTo("/");
    }

    @Test
    void signed_in_answers_of_pages_and_api_are_never_stored_but_static_files_may_be() {
        CookieFilter admin = Browser.login("admin", "admin-test-password");
        for (String path : List.of("/", "/indberetning", "/admin/brugere", "/adgangskode", "/rapporter?rapport=majbidrag&aar=2030&udvalg=BUU")) {
            Response page = given().filter(admin).redirects().follow(false).get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.header("Cache-Control")).as(path).isEqualTo("no-store");
        }
        for (String path : List.of("/api/proposals", "/api/users", "/api/proposals/FINDES-IKKE",
                "/api/reports/majbidrag/2030?committee=BUU&format=csv")) {
            Response api = given().auth().preemptive().basic("admin", "admin-test-password").get(path);
            assertThat(api.header("Cache-Control")).as(path).isEqualTo("no-store");
            Response bySession = given().filter(admin).get(path);
            assertThat(bySession.header("Cache-Control")).as(path + " with the session").isEqualTo("no-store");
        }
        assertThat(given().get("/css/gevinstspor.css").header("Cache-Control")).isNotEqualTo("no-store");
    }

    @Test
    void strict_transport_security_when_the_request_came_over_https_through_a_trusted_proxy_only() {
        for (String path : List.of("/", "/login", "/api/committees", "/css/gevinstspor.css")) {
            Response tls = given().redirects().follow(false).auth().preemptive().basic("admin", "admin-test-password")
                    .header("X-Forwarded-Proto", "https").get(path);
            assertThat(tls.header("Strict-Transport-Security")).as(path).isEqualTo("max-age=31536000");
            Response plain = given().redirects().follow(false).auth().preemptive().basic("admin", "admin-test-password").get(path);
            assertThat(plain.header("Strict-Transport-Security")).as(path + " over http").isNull();
        }
    }

    private static Response login(boolean behindTls) {
        var cookies = new io.restassured.filter.cookie.CookieFilter();
        String action = dk.kk.gevinstspor.common.web.Browser.loginAction(cookies);
        var request = given().filter(cookies).redirects().follow(false).formParam("j_username", "admin").formParam("j_password", "admin-test-password");
        if (behindTls) {
            request = request.header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "gevinstspor.kk.dk");
        }
        Response response = request.post(action);
        assertThat(response.statusCode()).isEqualTo(302);
        return response;
    }
}
