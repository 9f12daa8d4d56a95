package dk.kk.gevinstspor.security;

import static dk.kk.gevinstspor.proposal.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dk.kk.gevinstspor.proposal.Bodies;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * SQL injection and other hostile strings in every path and query parameter of every GET: a 4xx or an empty
 * answer, never a 5xx, never a database message or a password hash, never more rows, a page never echoes a script
 * unescaped, and no table changed. A NUL anywhere in the address is refused with 400.
 */
@QuarkusTest
class InjectionTest {

    static final List<String> HOSTILE = List.of("' OR '1'='1", "1; DROP TABLE proposal; --", "\" OR \"\"=\"",
            "') UNION SELECT username, password_hash FROM app_user --", "BUF' --", "1' AND pg_sleep(5) --", "../../../etc/passwd",
            "<script>alert(1)</script>", "${jndi:ldap://x/a}", "{{7*7}}", "1e400", "-1", "99999999999999999999", "Ø", "");

    /** Every GET with its parameters as {p}; the admin may read them all. */
    static final List<String> ENDPOINTS = List.of("/api/proposals?committee={p}", "/api/proposals?administration={p}",
            "/api/proposals?kind={p}", "/api/proposals?digital={p}", "/api/proposals?page={p}", "/api/proposals?size={p}",
            "/api/proposals/{p}", "/api/proposals/{p}/actuals", "/api/proposals/{p}/evaluation",
            "/api/proposals/BUF-T-INJECT/evaluation?year={p}", "/api/proposals/{p}/history", "/api/proposals/{p}/decisions",
            "/api/proposals/BUF-T-INJECT/decisions/{p}", "/api/reports/majbidrag/{p}?committee=BUU", "/api/reports/majbidrag/2030?committee={p}",
            "/api/reports/majbidrag/2030?committee=BUU&priceLevelYear={p}", "/api/reports/majbidrag/2030?committee=BUU&format={p}",
            "/api/reports/finance-committee/{p}", "/api/reports/it-kreds/{p}", "/api/reports/innovation/{p}",
            "/api/reports/innovation/2030?digital={p}", "/api/reports/innovation-frames/{p}", "/api/reports/loans/{p}",
            "/api/price-index?page={p}", "/api/price-index/{p}", "/api/innovation-frames/{p}/limits",
            "/api/imports/actuals/template?year={p}&committee=BUU&format=csv", "/api/imports/actuals/template?year=2029&committee={p}&format=csv",
            "/api/imports/actuals/template?year=2029&committee=BUU&format={p}", "/indberetning?aar={p}", "/indberetning?udvalg={p}",
            "/indberetning/{p}/2029", "/indberetning/BUF-T-INJECT/{p}", "/login?fejl={p}", "/api/proposals?q={p}",
            "/api/proposals?adoptionYear={p}", "/api/proposals?evaluationStatus={p}", "/forslag?q={p}", "/forslag?udvalg={p}",
            "/forslag?vedtaget={p}", "/forslag?sort={p}&retning={p}", "/forslag?side={p}");

    @Inject
    AgroalDataSource dataSource;

    static Stream<String> endpoints() {
        return ENDPOINTS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void hostile_parameters_get_an_answer_not_an_error_and_change_nothing(String endpoint) throws Exception {
        if (json().get("/api/proposals/BUF-T-INJECT").statusCode() == 404) {
            json().body(Bodies.investment("BUF-T-INJECT")).post("/api/proposals").then().statusCode(201);
        }
        Map<String, String> before = TableChecksums.of(dataSource);
        int proposals = json().get("/api/proposals?size=1000").then().extract().jsonPath().getList("$").size();
        List<String> failures = new ArrayList<>();
        for (String hostile : HOSTILE) {
            String value = URLEncoder.encode(hostile, StandardCharsets.UTF_8).replace("+", "%20");
            String path = endpoint.replace("{p}", value);
            Response response = json().accept("*/*").urlEncodingEnabled(false).redirects().follow(false).get(path);
            String body = response.asString();
            boolean html = response.contentType() != null && response.contentType().startsWith("text/html");
            if (response.statusCode() >= 500 || body.contains("PSQLException") || body.contains("SQL state") || body.contains("$2a$")
                    || html && body.contains("<script>alert(1)</script>")) {
                failures.add(response.statusCode() + " " + path + ": " + (body.length() > 200 ? body.substring(0, 200) : body));
            }
            if (endpoint.startsWith("/api/proposals?") && response.statusCode() == 200) {
                assertThat(response.jsonPath().getList("$").size()).as(path).isLessThanOrEqualTo(proposals);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(TableChecksums.of(dataSource)).as("no table changed").isEqualTo(before);
    }

    @Test
    void a_nul_in_the_path_or_a_query_parameter_is_refused_with_400() {
        json().urlEncodingEnabled(false).get("/api/proposals/BUF%00X").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].code", org.hamcrest.Matchers.equalTo("INVALID_CHARACTER"));
        json().urlEncodingEnabled(false).get("/api/proposals?administration=%00").then().statusCode(400)
                .body("errors[0].code", org.hamcrest.Matchers.equalTo("INVALID_CHARACTER"));
        Response page = json().accept("text/html").urlEncodingEnabled(false).get("/indberetning?aar=%00");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.asString()).contains("Ugyldig adresse");
    }
}
