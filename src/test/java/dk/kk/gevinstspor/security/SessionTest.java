package dk.kk.gevinstspor.security;

import static dk.kk.gevinstspor.proposal.Api.as;
import static dk.kk.gevinstspor.proposal.Api.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.proposal.Bodies;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Page sessions live in the database: logout, a password change and disabling the user end them at once (the old
 * cookie signs nobody in, on pages or the API); they run out after the idle timeout and the lifetime; the table
 * holds no usable token. Before, the session was only an encrypted cookie that stayed valid after logout.
 */
@QuarkusTest
class SessionTest {

    static final String PASSWORD = "sessions-test-password";

    @Inject
    AgroalDataSource dataSource;

    /** Signs in through the form and gives the session cookie's value. */
    static String signIn(String username, String password) {
        io.restassured.filter.cookie.CookieFilter browser = new io.restassured.filter.cookie.CookieFilter();
        Response r = given().filter(browser).redirects().follow(false).formParam("j_username", username)
                .formParam("j_password", password).post(dk.kk.gevinstspor.common.web.Browser.loginAction(browser));
        assertThat(r.statusCode()).as("sign-in of " + username).isEqualTo(302);
        String token = r.getCookie("gevinstspor-session");
        assertThat(token).isNotBlank();
        return token;
    }

    static int page(String token, String path) {
        return given().redirects().follow(false).cookie("gevinstspor-session", token).get(path).statusCode();
    }

    static int api(String token, String path) {
        return given().redirects().follow(false).cookie("gevinstspor-session", token).accept("application/json").get(path).statusCode();
    }

    static String csrf(String token) {
        Response r = given().cookie("gevinstspor-session", token).get("/");
        Document d = Jsoup.parse(r.asString());
        return d.selectFirst("input[name=csrf-token]").val() + "|" + r.getCookie("gevinstspor-csrf");
    }

    static String newEntryUser() {
        String name = "sess." + UUID.randomUUID().toString().substring(0, 8);
        json().body(Bodies.map("username", name, "password", PASSWORD, "roles", List.of("entry"), "administrations", List.of("BUF")))
                .post("/api/users").then().statusCode(201);
        return name;
    }

    static long version(String username) {
        return json().get("/api/users/{u}", username).then().statusCode(200).extract().jsonPath().getLong("version");
    }

    @Test
    void after_logout_the_old_cookie_reads_neither_pages_nor_the_api() {
        String user = newEntryUser();
        String token = signIn(user, PASSWORD);
        assertThat(page(token, "/indberetning")).isEqualTo(200);
        assertThat(api(token, "/api/proposals")).isEqualTo(200);

        String[] csrf = csrf(token).split("\\|");
        given().redirects().follow(false).cookie("gevinstspor-session", token).cookie("gevinstspor-csrf", csrf[1])
                .formParam("csrf-token", csrf[0]).post("/logout").then().statusCode(303)
                .header("Location", "/login").header("Set-Cookie", org.hamcrest.Matchers.containsString("Max-Age=0"));

        // the browser drops the cookie; someone who kept it gets nothing
        assertThat(page(token, "/indberetning")).isEqualTo(303);
        assertThat(api(token, "/api/proposals")).isEqualTo(401);
        assertThat(given().cookie("gevinstspor-session", token).get("/").asString()).doesNotContain("Logget ind som");
    }

    @Test
    void disabling_a_user_ends_its_sessions_and_its_basic_sign_in_at_once_and_enabling_lets_it_sign_in_again() {
        String user = newEntryUser();
        String token = signIn(user, PASSWORD);
        as(user, PASSWORD).get("/api/committees").then().statusCode(200); // the password check is now remembered
        assertThat(api(token, "/api/proposals")).isEqualTo(200);

        json().body(Bodies.map("enabled", false, "version", version(user))).put("/api/users/{u}/status", user).then()
                .statusCode(200).body("enabled", org.hamcrest.Matchers.equalTo(false));
        assertThat(page(token, "/indberetning")).isEqualTo(303);
        assertThat(api(token, "/api/proposals")).isEqualTo(401);
        as(user, PASSWORD).get("/api/committees").then().statusCode(401);
        io.restassured.filter.cookie.CookieFilter browser = new io.restassured.filter.cookie.CookieFilter();
        given().filter(browser).redirects().follow(false).formParam("j_username", user).formParam("j_password", PASSWORD)
                .post(dk.kk.gevinstspor.common.web.Browser.loginAction(browser)).then().statusCode(303).header("Location", "/login?fejl=1");

        json().body(Bodies.map("enabled", true, "version", version(user))).put("/api/users/{u}/status", user).then().statusCode(200);
        as(user, PASSWORD).get("/api/committees").then().statusCode(200);
        assertThat(page(token, "/indberetning")).as("the ended session stays ended").isEqualTo(303);
        assertThat(page(signIn(user, PASSWORD), "/indberetning")).isEqualTo(200);
    }

    @Test
    void a_password_change_ends_every_other_session_and_the_old_password_at_once() {
        String user = newEntryUser();
        String here = signIn(user, PASSWORD);
        String elsewhere = signIn(user, PASSWORD);
        as(user, PASSWORD).get("/api/committees").then().statusCode(200);

        String[] csrf = csrf(here).split("\\|");
        String changed = "ny-og-lang-kode-til-sessioner";
        Response r = given().redirects().follow(false).cookie("gevinstspor-session", here).cookie("gevinstspor-csrf", csrf[1])
                .formParam("csrf-token", csrf[0]).formParam("current", PASSWORD).formParam("password", changed)
                .formParam("repeated", changed).post("/adgangskode");
        assertThat(r.statusCode()).isEqualTo(303);
        String renewed = r.getCookie("gevinstspor-session");
        assertThat(renewed).as("this browser gets a new session").isNotBlank().isNotEqualTo(here);

        assertThat(page(elsewhere, "/indberetning")).isEqualTo(303);
        assertThat(page(here, "/indberetning")).isEqualTo(303);
        assertThat(page(renewed, "/indberetning")).isEqualTo(200);
        as(user, PASSWORD).get("/api/committees").then().statusCode(401);
        as(user, changed).get("/api/committees").then().statusCode(200);
    }

    @Test
    void a_session_ends_after_the_idle_timeout_and_after_its_lifetime() throws Exception {
        String user = newEntryUser();
        String idle = signIn(user, PASSWORD);
        String old = signIn(user, PASSWORD);
        assertThat(page(idle, "/indberetning")).isEqualTo(200);
        assertThat(page(old, "/indberetning")).isEqualTo(200);

        // 31 minutes unused (the default idle timeout is 30), and a session past its lifetime (8 hours) though just used
        update("UPDATE app_session SET last_seen_at = now() - interval '31 minutes' WHERE token_hash = ?", idle);
        update("UPDATE app_session SET created_at = now() - interval '9 hours', expires_at = now() - interval '1 hour'"
                + " WHERE token_hash = ?", old);
        assertThat(page(idle, "/indberetning")).isEqualTo(303);
        assertThat(page(old, "/indberetning")).isEqualTo(303);
        assertThat(api(idle, "/api/proposals")).isEqualTo(401);

        // 29 minutes unused still counts, and the use is noted
        String recent = signIn(user, PASSWORD);
        update("UPDATE app_session SET last_seen_at = now() - interval '29 minutes' WHERE token_hash = ?", recent);
        assertThat(page(recent, "/indberetning")).isEqualTo(200);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT last_seen_at > now() - interval '1 minute' FROM app_session WHERE token_hash = ?")) {
            s.setString(1, sha256(recent));
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).as("last use noted").isTrue();
            }
        }
    }

    @Test
    void the_table_keeps_only_a_hash_of_the_token_and_each_sign_in_gets_a_new_one() throws Exception {
        String user = newEntryUser();
        String first = signIn(user, PASSWORD);
        String second = signIn(user, PASSWORD);
        assertThat(first).isNotEqualTo(second).hasSizeGreaterThanOrEqualTo(43);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FILTER (WHERE token_hash = ?), count(*) FILTER (WHERE token_hash = ?)"
                        + " FROM app_session")) {
            s.setString(1, first);
            s.setString(2, sha256(first));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).as("the token itself").isZero();
                assertThat(rs.getInt(2)).as("its hash").isEqualTo(1);
            }
        }
        // a made-up cookie signs nobody in and is no error
        assertThat(page("made-up-" + UUID.randomUUID(), "/indberetning")).isEqualTo(303);
        assertThat(api("x".repeat(500), "/api/proposals")).isEqualTo(401);
    }

    private void update(String sql, String token) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, sha256(token));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
