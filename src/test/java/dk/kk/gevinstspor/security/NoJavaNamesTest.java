package dk.kk.gevinstspor.security;

import static dk.kk.gevinstspor.proposal.Api.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.common.web.Browser;
import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;

/**
 * No answer names a Java class or package (issue 19): a problem's detail and messages, and the error pages, speak of
 * the request, never of {@code java.lang.Integer}, {@code dk.kk.gevinstspor.…Json} or an exception.
 */
@QuarkusTest
class NoJavaNamesTest {

    /** A qualified name ({@code java.lang.Integer}, {@code dk.kk.x}), an exception, or Jackson's own vocabulary. */
    static final Pattern JAVA = Pattern.compile("\\b(java|javax|jakarta|com|org|io|dk|sun)\\.[a-z]+\\.|[A-Za-z]*Exception\\b|"
            + "\\bclass [a-z]|StreamReadFeature|JsonToken|START_OBJECT|`[a-z]+\\.[a-z]+");

    /** Fails with every answer that names Java. */
    static void assertNoJavaNames(String what, String body) {
        assertThat(JAVA.matcher(body).find()).as("%s names Java: %s", what, body).isFalse();
    }

    @Test
    void api_errors_name_no_java_class() {
        String ref = Bodies.reference("BUF");
        json().body(Bodies.investment(ref)).post("/api/proposals").then().statusCode(201);
        List<Response> answers = new ArrayList<>();
        String actual = "{\"year\": 2029, \"investment\": 0, \"operationFunding\": 0, \"operatingCost\": 0, \"serviceEfficiency\": 0,"
                + " \"transferEffect\": 0";
        answers.add(json().body(actual + ", \"gevinst\": 1}").put("/api/proposals/{ref}/actuals/2029", ref));
        answers.add(json().body(actual.replace("\"investment\": 0", "\"investment\": \"nul\"") + "}").put("/api/proposals/{ref}/actuals/2029", ref));
        answers.add(json().body(actual.replace("\"year\": 2029", "\"year\": {}") + "}").put("/api/proposals/{ref}/actuals/2029", ref));
        answers.add(json().body(actual + ", \"kpis\": []}").put("/api/proposals/{ref}/actuals/2029", ref));
        answers.add(json().body(actual).put("/api/proposals/{ref}/actuals/2029", ref));
        answers.add(json().body("[1, 2]").put("/api/proposals/{ref}/actuals/2029", ref));
        answers.add(json().body("{\"year\": 2029,, }").put("/api/proposals/{ref}/actuals/2029", ref));
        answers.add(json().get("/api/proposals/{ref}/decisions/abc", ref));
        answers.add(json().get("/api/proposals/{ref}/decisions/99999999999999999999", ref));
        answers.add(json().body("{\"date\": \"2026-01-01\", \"caseReference\": \"x\"}")
                .put("/api/proposals/{ref}/decisions/1/approvals/NOBODY", ref));
        answers.add(json().body("{\"date\": \"første maj\", \"caseReference\": \"x\"}")
                .put("/api/proposals/{ref}/decisions/1/approvals/COMMITTEE", ref));
        answers.add(json().contentType("application/xml").body("<a/>").post("/api/proposals"));
        answers.add(json().delete("/api/committees"));
        answers.add(json().accept("image/png").get("/api/committees"));
        answers.add(json().get("/api/proposals?page=x&size=-1"));
        answers.add(json().contentType("multipart/form-data; boundary=x").body("--x\r\nbroken".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/imports/actuals"));
        answers.add(given().auth().preemptive().basic("admin", "admin-test-password").contentType("application/json").body("{\"a\":")
                .post("/api/users"));
        List<String> named = new ArrayList<>();
        for (Response r : answers) {
            if (r.statusCode() < 400 || r.statusCode() > 499 || JAVA.matcher(r.asString()).find()) {
                named.add(r.statusCode() + " " + r.asString());
            }
        }
        assertThat(named).as("answers that name Java (or are no 4xx)").isEmpty();
    }

    @Test
    void error_pages_name_no_java_class() {
        CookieFilter admin = Browser.login("admin", "admin-test-password");
        for (String page : List.of("/forslag/FINDES-IKKE", "/indberetning/FINDES-IKKE/abc", "/admin/beslutninger/FINDES-IKKE/ny",
                "/findes-ikke", "/rapporter?rapport=ukendt&aar=x")) {
            Response r = given().filter(admin).redirects().follow(false).get(page);
            assertNoJavaNames(page + " " + r.statusCode(), r.asString());
        }
    }
}
