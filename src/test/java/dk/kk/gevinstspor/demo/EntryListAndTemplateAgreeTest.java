package dk.kk.gevinstspor.demo;

import static dk.kk.gevinstspor.common.web.Browser.login;
import static dk.kk.gevinstspor.common.web.Browser.page;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.filter.cookie.CookieFilter;

/**
 * "Which proposals need figures" is decided once (issue 20): for the same user and year the entry list
 * (/indberetning) and the import template name the same proposals, on the demo portfolio, for every demo user and
 * year, and for an admin per committee.
 */
@QuarkusTest
@TestProfile(DemoPagesTest.DemoSchema.class)
class EntryListAndTemplateAgreeTest {

    private static final List<String[]> USERS = List.of(new String[] { "buf.indberetter", "demo-buf-2026" },
            new String[] { "sof.indberetter", "demo-sof-2026" }, new String[] { "tmf.indberetter", "demo-tmf-2026" },
            new String[] { "demo.admin", "demo-admin-2026" });

    @Test
    void the_entry_list_and_the_template_name_the_same_proposals_for_every_user_and_year() {
        int named = 0;
        for (String[] user : USERS) {
            CookieFilter session = login(user[0], user[1]);
            for (int year = 2020; year <= 2026; year++) {
                List<String> list = listed(session, "/indberetning?aar=" + year);
                List<String> template = templated(user, "/api/imports/actuals/template?format=csv&year=" + year);
                assertThat(template).as("%s %d", user[0], year).isEqualTo(list);
                named += list.size();
            }
        }
        assertThat(named).isGreaterThan(20);
    }

    @Test
    void an_admin_sees_the_same_proposals_of_a_committee_in_both() {
        String[] admin = USERS.get(3);
        CookieFilter session = login(admin[0], admin[1]);
        List<String> committees = given().filter(session).get("/api/committees").jsonPath().getList("code");
        for (String committee : committees) {
            List<String> list = listed(session, "/indberetning?aar=2025&udvalg=" + committee);
            List<String> template = templated(admin, "/api/imports/actuals/template?format=csv&year=2025&committee=" + committee);
            assertThat(template).as(committee).isEqualTo(list);
        }
    }

    private static List<String> listed(CookieFilter session, String path) {
        return page(session, path, 200).select("table tbody tr td:first-child a").eachText();
    }

    private static List<String> templated(String[] user, String path) {
        String csv = new String(given().auth().preemptive().basic(user[0], user[1]).get(path).then().statusCode(200).extract()
                .asByteArray(), StandardCharsets.UTF_8);
        return csv.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.substring(0, l.indexOf(';'))).toList();
    }
}
