package dk.kk.gevinstspor.security;

import static dk.kk.gevinstspor.proposal.Api.anonymous;
import static dk.kk.gevinstspor.proposal.Api.as;
import static dk.kk.gevinstspor.proposal.Api.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.common.web.Browser;
import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;

/** Signing in: HTTP Basic for the API, the login form for pages, throttled guessing, no password in the log. */
@QuarkusTest
class AuthenticationTest {

    @Test
    void without_credentials_or_with_a_wrong_password_the_api_answers_401_with_a_basic_challenge() {
        anonymous().get("/api/committees").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"));
        as("admin", "not-the-password").get("/api/committees").then().statusCode(401).contentType("application/problem+json");
        as("no-such-user-" + UUID.randomUUID(), "x").get("/api/committees").then().statusCode(401);
    }

    @Test
    void a_remembered_password_check_never_lets_a_wrong_password_in() {
        json().get("/api/committees").then().statusCode(200);
        as("admin", "admin-test-password-but-wrong").get("/api/committees").then().statusCode(401);
        as("admin ", "admin-test-password").get("/api/committees").then().statusCode(401);
        json().get("/api/committees").then().statusCode(200);
    }

    @Test
    void health_metrics_and_the_start_page_need_no_login() {
        dk.kk.gevinstspor.common.operations.Management.given().get("/q/health/ready").then().statusCode(200);
        dk.kk.gevinstspor.common.operations.Management.given().get("/q/metrics").then().statusCode(200);
        given().get("/").then().statusCode(200).body(containsString("Log ind"));
    }

    @Test
    void repeated_wrong_passwords_are_throttled_for_that_user_name_only() {
        String guessed = "guessed-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            as(guessed, "wrong-" + i).get("/api/committees").then().statusCode(401);
        }
        as(guessed, "wrong-again").get("/api/committees").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", org.hamcrest.Matchers.notNullValue());
        as("other-" + UUID.randomUUID().toString().substring(0, 8), "wrong").get("/api/committees").then().statusCode(401);
        json().get("/api/committees").then().statusCode(200);
    }

    @Test
    void the_login_form_signs_in_and_the_logout_button_signs_out() {
        TestUsers.ensure();
        CookieFilter cookies = new CookieFilter();
        given().filter(cookies).redirects().follow(false).formParam("j_username", TestUsers.VIEWER)
                .formParam("j_password", TestUsers.PASSWORD).post(Browser.loginAction(cookies))
                .then().statusCode(302).header("Location", containsString("/"));
        String page = given().filter(cookies).get("/").then().statusCode(200)
                .body(containsString("Logget ind som " + TestUsers.VIEWER)).extract().asString();
        String token = page.replaceAll("(?s).*name=\"csrf-token\" value=\"([^\"]+)\".*", "$1");
        assertThat(token).isNotBlank().doesNotContain("<");

        given().filter(cookies).redirects().follow(false).formParam("csrf-token", "forged").post("/logout")
                .then().statusCode(400);
        given().filter(cookies).get("/").then().body(containsString("Logget ind som"));
        given().filter(cookies).redirects().follow(false).formParam("csrf-token", token).post("/logout")
                .then().statusCode(303).header("Location", containsString("/login"));
        given().filter(cookies).get("/").then().statusCode(200).body(org.hamcrest.Matchers.not(containsString("Logget ind som")));
    }

    @Test
    void a_wrong_password_on_the_form_shows_the_danish_message() {
        CookieFilter cookies = new CookieFilter();
        given().filter(cookies).redirects().follow(false).formParam("j_username", "admin").formParam("j_password", "wrong-" + UUID.randomUUID())
                .post(Browser.loginAction(cookies)).then().statusCode(303).header("Location", containsString("/login?fejl=1"));
        given().get("/login?fejl=1").then().statusCode(200).body(containsString("Brugernavn eller adgangskode er forkert"));
    }

    @Test
    void a_forged_host_header_never_ends_up_in_a_redirect() {
        TestUsers.ensure();
        String forged = "evil.example";
        io.restassured.filter.cookie.CookieFilter right = new io.restassured.filter.cookie.CookieFilter();
        io.restassured.filter.cookie.CookieFilter wrong = new io.restassured.filter.cookie.CookieFilter();
        List<io.restassured.response.Response> redirects = List.of(
                given().filter(right).redirects().follow(false).header("Host", forged).formParam("j_username", TestUsers.VIEWER)
                        .formParam("j_password", TestUsers.PASSWORD).post(dk.kk.gevinstspor.common.web.Browser.loginAction(right)),
                given().filter(wrong).redirects().follow(false).header("Host", forged).formParam("j_username", TestUsers.VIEWER)
                        .formParam("j_password", "wrong-" + UUID.randomUUID()).post(dk.kk.gevinstspor.common.web.Browser.loginAction(wrong)),
                given().redirects().follow(false).header("Host", forged).get("/indberetning"));
        for (var redirect : redirects) {
            assertThat(redirect.statusCode()).isIn(302, 303);
            assertThat(redirect.header("Location")).startsWith("/").doesNotContain(forged);
        }
    }

    @Test
    void passwords_are_never_written_to_the_log() throws IOException {
        String secret = "Hemmelig-Kode-" + UUID.randomUUID();
        String username = "u" + UUID.randomUUID().toString().substring(0, 8);
        json().body(Bodies.map("username", username, "password", secret, "roles", List.of("viewer")))
                .post("/api/users").then().statusCode(201).body("password", org.hamcrest.Matchers.nullValue());
        as(username, secret).get("/api/committees").then().statusCode(200);
        String wrong = "Forkert-Kode-" + UUID.randomUUID();
        as(username, wrong).get("/api/committees").then().statusCode(401);
        json().body(Bodies.map("username", username + "x", "password", "kort", "roles", List.of("viewer")))
                .post("/api/users").then().statusCode(422).body("errors.code", hasItem("PASSWORD_TOO_SHORT"));

        String log = Files.readString(Path.of("target", "quarkus-test.log"));
        assertThat(log).contains("Profile test activated").doesNotContain(secret).doesNotContain(wrong)
                .doesNotContain("admin-test-password");
    }

    @Test
    void users_are_created_with_roles_and_administrations_and_refused_when_invalid() {
        String username = "u" + UUID.randomUUID().toString().substring(0, 8);
        json().body(Bodies.map("username", username, "password", "long-enough-password", "roles", List.of("entry"),
                "administrations", List.of("KFF", "BUF"))).post("/api/users").then().statusCode(201)
                .header("Location", containsString("/api/users/" + username))
                .body("roles", equalTo(List.of("entry"))).body("administrations", equalTo(List.of("BUF", "KFF")));
        json().body(Bodies.map("username", username, "password", "long-enough-password", "roles", List.of("viewer")))
                .post("/api/users").then().statusCode(409);
        json().body(Bodies.map("username", "x" + username, "password", "long-enough-password", "roles", List.of("entry")))
                .post("/api/users").then().statusCode(422).body("errors.code", hasItem("ENTRY_NEEDS_ADMINISTRATION"));
        json().body(Bodies.map("username", "y" + username, "password", "long-enough-password", "roles", List.of("boss")))
                .post("/api/users").then().statusCode(422).body("errors.code", hasItem("UNKNOWN_ROLE"));
    }
}
