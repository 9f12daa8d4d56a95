package dk.kk.gevinstspor.security;

import static dk.kk.gevinstspor.proposal.Api.created;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.common.web.Browser;
import dk.kk.gevinstspor.common.web.Csrf;
import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint and page × every role → the status it must answer: the API with HTTP Basic, the pages with the
 * login cookie. Reading is for every signed-in user, entering figures for entry users of a participating
 * administration (and admins), everything else that changes data for admins; the anonymous get 401 from the API
 * and are sent to the login page by the pages. Writes carry an empty body (page forms: only the CSRF token): a
 * refused role gets 403, an allowed one gets past the checks to the body's validation (400/404/422).
 * AccessMatrixTest checks the writes with real bodies.
 */
@QuarkusTest
class EveryEndpointAccessTest {

    static final String[] WHO = { "admin", "entry.buf", "entry.sof", "viewer", "anonymous" };
    static final String REF = "BUF-T-ACCESS";

    /** method path | admin entry.buf entry.sof viewer anonymous; "ok" = allowed (a status below 400, or 400/404/415/422 for a write without body). */
    static final String MATRIX = """
            GET /api/proposals                                      | ok  ok  ok  ok  401
            GET /api/proposals/BUF-T-ACCESS                         | ok  ok  ok  ok  401
            GET /api/proposals/BUF-T-ACCESS/actuals                 | ok  ok  ok  ok  401
            GET /api/proposals/BUF-T-ACCESS/evaluation?year=2029    | ok  ok  ok  ok  401
            GET /api/proposals/BUF-T-ACCESS/history                 | ok  ok  ok  ok  401
            GET /api/proposals/BUF-T-ACCESS/decisions               | ok  ok  ok  ok  401
            GET /api/administrations                                | ok  ok  ok  ok  401
            GET /api/committees                                     | ok  ok  ok  ok  401
            GET /api/reports/majbidrag/2030?committee=BUU           | ok  ok  ok  ok  401
            GET /api/reports/majbidrag/2030?committee=BUU&format=html | ok ok ok  ok  401
            GET /api/reports/finance-committee/2030                 | ok  ok  ok  ok  401
            GET /api/reports/it-kreds/2030                          | ok  ok  ok  ok  401
            GET /api/reports/innovation/2030                        | ok  ok  ok  ok  401
            GET /api/reports/innovation-frames/2030                 | ok  ok  ok  ok  401
            GET /api/reports/loans/2029                             | ok  ok  ok  ok  401
            GET /api/price-index                                    | ok  ok  ok  ok  401
            GET /api/innovation-frames/2030/limits                  | ok  ok  ok  ok  401
            GET /api/imports/actuals/template?year=2029&format=csv  | ok  ok  ok  403 401
            GET /api/users                                          | ok  403 403 403 401
            POST /api/proposals                                     | ok  403 403 403 401
            PUT /api/proposals/BUF-T-ACCESS                         | ok  403 403 403 401
            PUT /api/proposals/BUF-T-ACCESS/actuals/2029            | ok  ok  403 403 401
            POST /api/imports/actuals                               | ok  ok  ok  403 401
            POST /api/proposals/BUF-T-ACCESS/decisions              | ok  403 403 403 401
            PUT /api/proposals/BUF-T-ACCESS/decisions/1/approvals/FINANCE_COMMITTEE | ok 403 403 403 401
            PUT /api/price-index/2029                               | ok  403 403 403 401
            PUT /api/innovation-frames/2030/limits                  | ok  403 403 403 401
            POST /api/users                                         | ok  403 403 403 401
            GET /api/users/admin                                    | ok  403 403 403 401
            PUT /api/users/viewer.itkreds/status                    | ok  403 403 403 401
            POST /api/users/viewer.itkreds/password-reset           | ok  403 403 403 401
            DELETE /api/users/no.such.user                          | ok  403 403 403 401
            POST /api/admin/snapshots/rebuild                       | ok  403 403 403 401
            GET /                                                   | ok  ok  ok  ok  ok
            GET /rapporter?rapport=majbidrag&aar=2030&udvalg=BUU    | ok  ok  ok  ok  303
            GET /forslag/BUF-T-ACCESS                               | ok  ok  ok  ok  303
            GET /forslag?q=buf-t-access&sort=titel                  | ok  ok  ok  ok  303
            GET /api/proposals?q=buf-t-access&evaluationStatus=GREEN | ok ok  ok  ok  401
            GET /indberetning                                       | ok  ok  ok  403 303
            GET /indberetning/BUF-T-ACCESS/2029                     | ok  ok  403 403 303
            GET /indberetning/upload                                | ok  ok  ok  403 303
            POST /indberetning/BUF-T-ACCESS/2029                    | ok  ok  403 403 303
            POST /indberetning/upload                               | ok  ok  ok  403 303
            GET /admin                                              | ok  403 403 403 303
            GET /admin/prisindeks                                   | ok  403 403 403 303
            POST /admin/prisindeks                                  | ok  403 403 403 303
            GET /admin/rammer?aar=2030                              | ok  403 403 403 303
            POST /admin/rammer                                      | ok  403 403 403 303
            GET /admin/brugere                                      | ok  403 403 403 303
            POST /admin/brugere                                     | ok  403 403 403 303
            GET /admin/brugere/viewer.itkreds                       | ok  403 403 403 303
            POST /admin/brugere/viewer.itkreds/status               | ok  403 403 403 303
            POST /admin/brugere/viewer.itkreds/adgangskode          | ok  403 403 403 303
            POST /admin/brugere/no.such.user/slet                   | ok  403 403 403 303
            GET /adgangskode                                        | ok  ok  ok  ok  303
            POST /adgangskode                                       | ok  ok  ok  ok  303
            GET /admin/beslutninger                                 | ok  403 403 403 303
            GET /admin/beslutninger/BUF-T-ACCESS/ny                 | ok  403 403 403 303
            POST /admin/beslutninger/BUF-T-ACCESS/ny                | ok  403 403 403 303
            POST /admin/beslutninger/BUF-T-ACCESS/1/godkendelse     | ok  403 403 403 303
            """;

    @Test
    void every_endpoint_and_page_answers_each_role_as_the_matrix_says() {
        TestUsers.ensure();
        if (dk.kk.gevinstspor.proposal.Api.json().get("/api/proposals/" + REF).statusCode() == 404) {
            created(Bodies.investment(REF));
        }
        Map<String, CookieFilter> sessions = new LinkedHashMap<>();
        for (String who : WHO) {
            sessions.put(who, who.equals("anonymous") ? new CookieFilter() : Browser.login(user(who), password(who)));
        }
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String line : MATRIX.strip().split("\n")) {
            String[] parts = line.split("\\|");
            String[] request = parts[0].trim().split("\\s+");
            String[] expected = parts[1].trim().split("\\s+");
            for (int i = 0; i < WHO.length; i++) {
                int status = send(WHO[i], sessions.get(WHO[i]), request[0], request[1]);
                boolean write = !request[0].equals("GET");
                boolean ok = expected[i].equals("ok")
                        ? status < 400 || write && (status == 400 || status == 404 || status == 415 || status == 422)
                        : status == Integer.parseInt(expected[i]);
                if (!ok) {
                    wrong.add(WHO[i] + " " + request[0] + " " + request[1] + " → " + status + ", expected " + expected[i]);
                }
                checked++;
            }
        }
        assertThat(wrong).as("answers that differ from the matrix").isEmpty();
        assertThat(checked).isEqualTo(60 * WHO.length);
    }

    private static int send(String who, CookieFilter session, String method, String path) {
        RequestSpecification request = given().redirects().follow(false).urlEncodingEnabled(false);
        boolean write = !method.equals("GET");
        if (path.startsWith("/api")) {
            if (!who.equals("anonymous")) {
                request = request.auth().preemptive().basic(user(who), password(who));
            }
            request = request.accept("*/*");
            if (write) {
                request = path.startsWith("/api/imports") ? request.contentType("text/csv").body("reference;year\n")
                        : path.endsWith("/actuals/2029") ? request.contentType("application/json").body(Bodies.actuals(2029, 0, 0, 0, 0, 0))
                        : request.contentType("application/json").body("{}");
            }
        } else {
            request = request.filter(session).accept("text/html");
            if (write) {
                String token = csrfToken(session);
                request = path.endsWith("/upload") ? request.multiPart(Csrf.FIELD, token)
                        : request.contentType("application/x-www-form-urlencoded").formParam(Csrf.FIELD, token);
            }
        }
        return request.request(method, path).statusCode();
    }

    /** The session's CSRF token, as its forms carry it (none for the anonymous: their posts are refused anyway). */
    private static String csrfToken(CookieFilter session) {
        Matcher m = Pattern.compile("name=\"" + Csrf.FIELD + "\" value=\"([^\"]+)\"")
                .matcher(given().filter(session).get("/").asString());
        return m.find() ? m.group(1) : "";
    }

    private static String user(String who) {
        return switch (who) {
            case "admin" -> dk.kk.gevinstspor.proposal.Api.ADMIN;
            case "viewer" -> TestUsers.VIEWER;
            default -> who;
        };
    }

    private static String password(String who) {
        return who.equals("admin") ? dk.kk.gevinstspor.proposal.Api.ADMIN_PASSWORD : TestUsers.PASSWORD;
    }
}
