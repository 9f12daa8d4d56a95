package dk.kk.gevinstspor.admin;

import static dk.kk.gevinstspor.proposal.Api.as;
import static dk.kk.gevinstspor.proposal.Api.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.common.web.Browser;
import dk.kk.gevinstspor.proposal.Bodies;
import io.agroal.api.AgroalDataSource;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;

/**
 * The user lifecycle through /api/users (docs/security.md: user lifecycle): a password reset that makes the user
 * choose a new one, delete only without history, admins cannot lock themselves out, stale versions get 409; and
 * the rules for names (no reserved names) and passwords (12–64 characters, at most 72 bytes, not common, never cut).
 */
@QuarkusTest
class UserLifecycleApiTest {

    static final String PASSWORD = "lifecycle-password";

    @Inject
    AgroalDataSource dataSource;

    static String newUser(String role, List<String> administrations) {
        String name = "life." + UUID.randomUUID().toString().substring(0, 8);
        json().body(Bodies.map("username", name, "password", PASSWORD, "roles", List.of(role), "administrations", administrations))
                .post("/api/users").then().statusCode(201).body("enabled", equalTo(true)).body("mustChangePassword", equalTo(false));
        return name;
    }

    static long version(String username) {
        return json().get("/api/users/{u}", username).then().statusCode(200).extract().jsonPath().getLong("version");
    }

    @Test
    void after_a_reset_the_user_must_choose_a_new_password_before_anything_else() {
        String user = newUser("entry", List.of("BUF"));
        as(user, PASSWORD).get("/api/committees").then().statusCode(200);
        String temporary = "midlertidig-kode-42x";
        json().body(Bodies.map("password", temporary, "version", version(user))).post("/api/users/{u}/password-reset", user)
                .then().statusCode(200).body("mustChangePassword", equalTo(true));

        as(user, PASSWORD).get("/api/committees").then().statusCode(401);
        as(user, temporary).get("/api/committees").then().statusCode(403).contentType("application/problem+json")
                .body("errors.code", hasItem("PASSWORD_CHANGE_REQUIRED"));

        CookieFilter browser = new CookieFilter();
        Response signIn = given().filter(browser).redirects().follow(false).formParam("j_username", user)
                .formParam("j_password", temporary).post(Browser.loginAction(browser));
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.header("Location")).isEqualTo("/adgangskode");
        String session = signIn.getCookie("gevinstspor-session");
        given().redirects().follow(false).cookie("gevinstspor-session", session).get("/indberetning").then().statusCode(303)
                .header("Location", "/adgangskode");
        Response page = given().cookie("gevinstspor-session", session).get("/adgangskode");
        assertThat(page.statusCode()).isEqualTo(200);
        String token = org.jsoup.Jsoup.parse(page.asString()).selectFirst("input[name=csrf-token]").val();
        String csrfCookie = page.getCookie("gevinstspor-csrf");

        // the same password again is no choice, nor a common one
        Response same = given().redirects().follow(false).cookie("gevinstspor-session", session).cookie("gevinstspor-csrf", csrfCookie)
                .formParams(Map.of("csrf-token", token, "current", temporary, "password", temporary, "repeated", temporary))
                .post("/adgangskode");
        assertThat(same.statusCode()).isEqualTo(422);
        assertThat(same.asString()).contains("Der er et problem").contains("href=\"#password\"").contains("en anden end den nuværende");

        String own = "min-egen-lange-kode";
        Response changed = given().redirects().follow(false).cookie("gevinstspor-session", session).cookie("gevinstspor-csrf", csrfCookie)
                .formParams(Map.of("csrf-token", token, "current", temporary, "password", own, "repeated", own)).post("/adgangskode");
        assertThat(changed.statusCode()).isEqualTo(303);
        given().redirects().follow(false).cookie("gevinstspor-session", changed.getCookie("gevinstspor-session")).get("/indberetning")
                .then().statusCode(200);
        as(user, temporary).get("/api/committees").then().statusCode(401);
        as(user, own).get("/api/committees").then().statusCode(200);
        json().get("/api/users/{u}", user).then().body("mustChangePassword", equalTo(false));
    }

    @Test
    void only_a_user_without_history_can_be_deleted() {
        String fresh = newUser("viewer", List.of());
        json().delete("/api/users/{u}", fresh).then().statusCode(204);
        json().get("/api/users/{u}", fresh).then().statusCode(404).contentType("application/problem+json");
        as(fresh, PASSWORD).get("/api/committees").then().statusCode(401);

        String author = newUser("admin", List.of());
        as(author, PASSWORD).contentType("application/json").body(Bodies.investment(Bodies.reference("BUF"))).post("/api/proposals")
                .then().statusCode(201);
        json().delete("/api/users/{u}", author).then().statusCode(409).contentType("application/problem+json")
                .body("errors.code", hasItem("USER_HAS_HISTORY"));
        json().get("/api/users/{u}", author).then().statusCode(200);
        json().delete("/api/users/{u}", "no-such-user-" + UUID.randomUUID().toString().substring(0, 6)).then().statusCode(404);
    }

    @Test
    void an_admin_cannot_disable_or_delete_itself_and_a_stale_or_missing_version_is_409() {
        json().body(Bodies.map("enabled", false, "version", version("admin"))).put("/api/users/admin/status").then().statusCode(409)
                .body("errors.code", hasItem("OWN_USER"));
        json().delete("/api/users/admin").then().statusCode(409).body("errors.code", hasItem("OWN_USER"));
        as("admin", "admin-test-password").get("/api/committees").then().statusCode(200);

        String user = newUser("viewer", List.of());
        long version = version(user);
        json().body(Bodies.map("enabled", false, "version", version)).put("/api/users/{u}/status", user).then().statusCode(200)
                .body("version", equalTo((int) version + 1));
        json().body(Bodies.map("enabled", true, "version", version)).put("/api/users/{u}/status", user).then().statusCode(409)
                .body("errors.code", hasItem("VERSION_CONFLICT"));
        json().body(Bodies.map("enabled", true)).put("/api/users/{u}/status", user).then().statusCode(409);
        json().body(Bodies.map("password", "en-helt-ny-kode-1", "version", version)).post("/api/users/{u}/password-reset", user)
                .then().statusCode(409);
        json().body("{}").put("/api/users/{u}/status", user).then().statusCode(422);
        json().get("/api/users/{u}", user).then().body("enabled", equalTo(false));
    }

    @Test
    void reserved_and_malformed_user_names_are_refused() {
        for (String name : List.of("system", "demo", "anonymous", "ukendt")) {
            json().body(Bodies.map("username", name, "password", "en-lang-nok-kode", "roles", List.of("viewer"))).post("/api/users")
                    .then().statusCode(422).body("errors.code", hasItem("RESERVED_USERNAME"));
        }
        for (String name : List.of("1abc", "a", "Stor", "navn med mellemrum", "x".repeat(51), "bruger@kk.dk")) {
            json().body(Bodies.map("username", name, "password", "en-lang-nok-kode", "roles", List.of("viewer"))).post("/api/users")
                    .then().statusCode(422).body("errors.code", hasItem("INVALID_USERNAME"));
        }
    }

    @Test
    void passwords_have_12_to_64_characters_at_most_72_bytes_and_are_not_common() {
        Map<String, String> refused = Map.of(
                "elleve-tegn", "PASSWORD_TOO_SHORT",
                "x1".repeat(32) + "y", "PASSWORD_TOO_LONG",
                "æøå".repeat(13), "PASSWORD_TOO_LONG", // 39 characters, but 78 bytes: bcrypt would drop the end
                "Sommer2025!!", "PASSWORD_TOO_COMMON",
                "passwordpassword", "PASSWORD_TOO_COMMON",
                "123456789012", "PASSWORD_TOO_COMMON",
                "Adgangskode123", "PASSWORD_TOO_COMMON",
                "aaaaaaaaaaaaaaaa", "PASSWORD_TOO_COMMON");
        refused.forEach((password, code) -> json().body(Bodies.map("username", "pw." + UUID.randomUUID().toString().substring(0, 8),
                "password", password, "roles", List.of("viewer"))).post("/api/users").then().statusCode(422)
                .body("errors.code", hasItem(code)));
        for (String accepted : List.of("tre-ord-der-ikke-hører-sammen", "x1y".repeat(21) + "z", "æøå".repeat(8))) {
            json().body(Bodies.map("username", "pw." + UUID.randomUUID().toString().substring(0, 8), "password", accepted,
                    "roles", List.of("viewer"))).post("/api/users").then().statusCode(201);
        }
    }

    @Test
    void a_password_is_never_cut_short_even_for_a_user_stored_before_the_rule() throws Exception {
        String user = newUser("viewer", List.of());
        String long72 = ("a-password-allowed-before-the-rule-" + "x9".repeat(40)).substring(0, 72);
        assertThat(long72.length()).isEqualTo(72);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE app_user SET password = ? WHERE username = ?")) {
            s.setString(1, BcryptUtil.bcryptHash(long72 + "-and-its-end"));
            s.setString(2, user);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        // bcrypt reads 72 bytes: any ending would pass; the service refuses every password longer than that
        as(user, long72 + "-and-another-end").get("/api/committees").then().statusCode(401);
        as(user, long72 + "-and-its-end").get("/api/committees").then().statusCode(401);
    }
}
