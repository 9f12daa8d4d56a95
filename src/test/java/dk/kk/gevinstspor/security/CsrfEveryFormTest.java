package dk.kk.gevinstspor.security;

import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.common.web.Csrf;
import dk.kk.gevinstspor.common.web.Browser;
import dk.kk.gevinstspor.proposal.Bodies;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.specification.RequestSpecification;

/**
 * Every form of every page carries the CSRF token, and every form posted without it, or with a forged one, is
 * refused with 400 and changes nothing.
 */
@QuarkusTest
class CsrfEveryFormTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void every_post_form_needs_its_token() throws Exception {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        json().body(Bodies.map("type", "CANCELLATION", "description", "Stoppes", "effectiveYear", 2030))
                .post("/api/proposals/{ref}/decisions", ref).then().statusCode(201);
        CookieFilter admin = Browser.login("admin", "admin-test-password");

        List<String> pages = List.of("/", "/indberetning", "/indberetning/" + ref + "/2029", "/indberetning/upload", "/forslag/" + ref, "/forslag",
                "/rapporter?rapport=majbidrag&aar=2030&udvalg=BUU", "/admin", "/admin/prisindeks", "/admin/rammer?aar=2030",
                "/admin/brugere", "/admin/beslutninger", "/admin/beslutninger/" + ref + "/ny", "/admin/brugere/admin", "/adgangskode");
        Map<String, String> before = TableChecksums.of(dataSource);
        List<String> failures = new ArrayList<>();
        int forms = 0;
        for (String page : pages) {
            Document document = Jsoup.parse(given().filter(admin).get(page).then().statusCode(200).extract().asString());
            for (Element form : document.select("form[method=post]")) {
                forms++;
                String action = form.attr("action");
                if (form.select("input[name=" + Csrf.FIELD + "]").isEmpty()) {
                    failures.add(page + " " + action + ": no token in the form");
                }
                for (String token : new String[] { null, "forged-token" }) {
                    int status = post(admin, form, token);
                    if (status != 400) {
                        failures.add(page + " " + action + (token == null ? " without token" : " with a forged token") + " → " + status);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(forms).as("post forms found on the pages").isGreaterThanOrEqualTo(12);
        assertThat(TableChecksums.of(dataSource)).as("nothing changed").isEqualTo(before);
    }

    /** Posts the form's own fields, with the token left out ({@code null}) or replaced. */
    private static int post(CookieFilter session, Element form, String token) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            if (!input.attr("type").equals("file")) {
                fields.put(input.attr("name"), input.tagName().equals("textarea") ? input.text() : input.val());
            }
        }
        fields.remove(Csrf.FIELD);
        if (token != null) {
            fields.put(Csrf.FIELD, token);
        }
        RequestSpecification request = given().filter(session).redirects().follow(false);
        if ("multipart/form-data".equals(form.attr("enctype"))) {
            request = request.multiPart("note", "x");
            for (var field : fields.entrySet()) {
                request = request.multiPart(field.getKey(), field.getValue());
            }
        } else {
            request = request.contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(fields);
        }
        return request.post(form.attr("action")).statusCode();
    }
}
