package dk.kk.gevinstspor.security;

import static dk.kk.gevinstspor.proposal.Api.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.common.web.Browser;
import dk.kk.gevinstspor.common.web.CrossSiteGuard;
import dk.kk.gevinstspor.common.web.Csrf;
import dk.kk.gevinstspor.proposal.Bodies;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;

/**
 * Cross-site request forgery with the pages' session cookie (issue 19): an API write made with the cookie needs the
 * pages' CSRF token in {@code X-CSRF-Token} (403 problem+json otherwise, nothing changed), HTTP Basic clients are
 * not affected, and the login form needs its token and an Origin of the service's own.
 */
@QuarkusTest
class CrossSiteRequestTest {

    private static final String CSV = "reference;year;investment;operationFunding;operatingCost;serviceEfficiency;transferEffect;explanation\n"
            + "%s;2029;0;0;0;2000000;0;Importeret af et andet websted\n";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_cross_site_text_plain_import_with_the_session_cookie_is_refused_and_changes_nothing() throws Exception {
        String ref = Bodies.reference("BUF");
        json().body(Bodies.investment(ref)).post("/api/proposals").then().statusCode(201);
        CookieFilter admin = Browser.login("admin", "admin-test-password");
        Map<String, String> before = TableChecksums.of(dataSource);

        // what a form on another site can send: text/plain, the cookie, an Origin of its own, no token
        Response forged = given().filter(admin).redirects().follow(false).header("Origin", "https://angriber.example")
                .contentType("text/plain").body(CSV.formatted(ref)).post("/api/imports/actuals");
        assertThat(forged.statusCode()).as(forged.asString()).isEqualTo(403);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        assertThat(forged.jsonPath().getList("errors.code", String.class)).containsExactly("CSRF_TOKEN_REQUIRED");
        assertThat(forged.jsonPath().getString("errors[0].message")).contains("CSRF-token");

        given().filter(admin).redirects().follow(false).header(CrossSiteGuard.HEADER, "forged-token").contentType("text/csv")
                .body(CSV.formatted(ref)).post("/api/imports/actuals").then().statusCode(403);
        given().filter(admin).redirects().follow(false).delete("/api/proposals/{ref}", ref).then().statusCode(403);
        given().filter(admin).redirects().follow(false).contentType("application/json").body(Bodies.investment(Bodies.reference("BUF")))
                .post("/api/proposals").then().statusCode(403);
        assertThat(TableChecksums.of(dataSource)).as("nothing changed").isEqualTo(before);
    }

    @Test
    void with_the_pages_token_in_the_header_the_session_cookie_may_write() {
        CookieFilter admin = Browser.login("admin", "admin-test-password");
        String token = Browser.page(admin, "/", 200).selectFirst("input[name=" + Csrf.FIELD + "]").val();
        String ref = Bodies.reference("BUF");
        given().filter(admin).redirects().follow(false).header(CrossSiteGuard.HEADER, token).contentType("application/json")
                .body(Bodies.investment(ref)).post("/api/proposals").then().statusCode(201);
        // reading needs no token
        given().filter(admin).get("/api/proposals/{ref}", ref).then().statusCode(200);
    }

    @Test
    void basic_clients_are_not_affected_even_with_a_session_cookie() {
        CookieFilter admin = Browser.login("admin", "admin-test-password");
        json().filter(admin).body(Bodies.investment(Bodies.reference("BUF"))).post("/api/proposals").then().statusCode(201);
        json().body(Bodies.investment(Bodies.reference("BUF"))).post("/api/proposals").then().statusCode(201);
    }

    @Test
    void the_login_form_needs_its_token() {
        CookieFilter cookies = new CookieFilter();
        String action = Browser.loginAction(cookies);
        // no token (as a form on another site would post), and a forged one
        for (String post : new String[] { "/j_security_check", "/j_security_check?csrf-token=forged" }) {
            Response refused = given().filter(cookies).redirects().follow(false).formParam("j_username", "admin")
                    .formParam("j_password", "admin-test-password").post(post);
            assertThat(refused.statusCode()).as(post).isEqualTo(400);
            assertThat(refused.getCookie("gevinstspor-session")).as("no session for " + post).isNull();
            assertThat(refused.asString()).contains("Formularen er udløbet");
        }
        // the token without its cookie (a browser on another site sends no SameSite=Strict cookie)
        given().redirects().follow(false).formParam("j_username", "admin").formParam("j_password", "admin-test-password")
                .post(action).then().statusCode(400);
        given().filter(cookies).redirects().follow(false).formParam("j_username", "admin").formParam("j_password", "admin-test-password")
                .post(action).then().statusCode(302);
    }

    @Test
    void the_login_form_refuses_another_origin() {
        CookieFilter cookies = new CookieFilter();
        String action = Browser.loginAction(cookies);
        Response foreign = given().filter(cookies).redirects().follow(false).header("Origin", "https://angriber.example")
                .formParam("j_username", "admin").formParam("j_password", "admin-test-password").post(action);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.getCookie("gevinstspor-session")).isNull();
        assertThat(foreign.asString()).contains("Indlogningen kom ikke fra Gevinstspors egen side");
        given().filter(cookies).redirects().follow(false).header("Origin", "null").formParam("j_username", "admin")
                .formParam("j_password", "admin-test-password").post(action).then().statusCode(403);

        String own = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
        given().filter(cookies).redirects().follow(false).header("Origin", own).formParam("j_username", "admin")
                .formParam("j_password", "admin-test-password").post(action).then().statusCode(302);
    }

    @Test
    void the_login_page_names_the_token_in_its_form() {
        given().get("/login").then().statusCode(200).body(containsString("action=\"/j_security_check?csrf-token="));
    }
}
