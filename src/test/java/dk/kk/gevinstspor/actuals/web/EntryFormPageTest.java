package dk.kk.gevinstspor.actuals.web;

import static dk.kk.gevinstspor.common.web.Browser.page;
import static dk.kk.gevinstspor.common.web.Browser.submit;
import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.num;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.common.web.Browser;
import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;

/**
 * The figures form (EntryFormPage) as a browser without JavaScript sees it: only the proposal's follow-up years,
 * amounts shown back as stored, every error at once in a linked summary, and who enters the figures.
 */
@QuarkusTest
class EntryFormPageTest {

    static final String PASSWORD = "form-page-password-1";

    @BeforeEach
    void users() {
        Browser.user("formpage.buf", PASSWORD, "entry", List.of("BUF"));
        Browser.user("formpage.kff", PASSWORD, "entry", List.of("KFF"));
    }

    static CookieFilter login(String username) {
        return Browser.login(username, PASSWORD);
    }

    @Test
    void a_year_outside_follow_up_is_a_danish_404_page_with_a_link_back() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref)); // plan 2026-2029; today 2030-03-01 in the test profile
        CookieFilter cookies = login("formpage.buf");
        for (String year : List.of("1990", "2025", "2031", "abcd")) {
            Document missing = page(cookies, "/indberetning/" + ref + "/" + year, 404);
            assertThat(missing.selectFirst("h1").text()).isEqualTo("Ikke fundet");
            assertThat(missing.selectFirst("main [role=alert]").text())
                    .isEqualTo("Der indberettes ikke tal for " + ref + " for " + year + ". Tallene indberettes for 2026-2030.");
            assertThat(missing.select("main a[href=/indberetning]").text()).isEqualTo("Til indberetningen");
        }
        Response saved = submit(cookies, page(cookies, "/indberetning/" + ref + "/2026", 200), "form.entry",
                Map.of("investment", "3.000.000"));
        assertThat(saved.statusCode()).as("2026 opens and saves").isEqualTo(303);
        page(cookies, "/indberetning/" + ref + "/2030", 200);
        assertThat(page(cookies, "/indberetning/UKENDT-REF/2026", 404).text()).contains("Intet forslag har referencen UKENDT-REF");
    }

    @Test
    void a_post_to_a_year_outside_follow_up_stores_nothing() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        CookieFilter cookies = login("formpage.buf");
        Document form = page(cookies, "/indberetning/" + ref + "/2026", 200);
        form.selectFirst("form.entry").attr("action", "/indberetning/" + ref + "/1990");
        Response refused = submit(cookies, form, "form.entry", Map.of("investment", "3.000.000"));
        assertThat(refused.statusCode()).isEqualTo(404);
        json().get("/api/proposals/{ref}/actuals", ref).then().body("$", org.hamcrest.Matchers.empty());
    }

    @Test
    void amounts_are_shown_back_exactly_as_stored() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        CookieFilter cookies = login("formpage.buf");
        Document form = page(cookies, "/indberetning/" + ref + "/2027", 200);
        Response saved = submit(cookies, form, "form.entry", Map.of("investment", "1.000.000,50", "serviceEfficiency", "500.000"));
        assertThat(saved.statusCode()).as(saved.asString()).isEqualTo(303);
        json().get("/api/proposals/{ref}/actuals", ref).then().body("[0].investment", num("1000000.5"));

        Document again = page(cookies, "/indberetning/" + ref + "/2027", 200);
        assertThat(again.selectFirst("#investment").val()).isEqualTo("1.000.000,50");
        assertThat(again.selectFirst("#serviceEfficiency").val()).isEqualTo("500.000");
        assertThat(again.selectFirst("#operatingCost").val()).isEqualTo("0");
        assertThat(again.selectFirst("#investment-plan").text()).isEqualTo("1.000.000");
    }

    @Test
    void every_error_is_shown_at_once_in_a_summary_linking_to_its_field_and_nothing_is_stored() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        CookieFilter cookies = login("formpage.buf");
        Document form = page(cookies, "/indberetning/" + ref + "/2027", 200);
        assertThat(form.select("#error-summary")).isEmpty();
        assertThat(form.selectFirst("form.entry").hasAttr("data-unsaved")).isFalse();

        // a format error (investment), the domain's rules (negative; milestone after the year), a KPI that is no
        // number, and a deviation that needs an explanation (service efficiency 900.000 against a plan of 500.000)
        Response refused = submit(cookies, form, "form.entry", Map.of("investment", "en million", "operatingCost", "-5",
                "serviceEfficiency", "900.000", "kpi.K1", "mange", "milestone.M1", "2029"));
        assertThat(refused.statusCode()).isEqualTo(422);
        Document shown = Jsoup.parse(refused.asString());
        Element summary = shown.selectFirst("#error-summary");
        assertThat(summary.attr("role")).isEqualTo("alert");
        assertThat(summary.attr("tabindex")).isEqualTo("-1");
        assertThat(summary.selectFirst("h2").text()).isEqualTo("Der er et problem");
        assertThat(summary.select("a").eachAttr("href")).containsExactly("#investment", "#operatingCost", "#serviceEfficiency",
                "#kpi.K1", "#milestone.M1", "#explanation");
        for (Element link : summary.select("a")) {
            Element field = shown.getElementById(link.attr("href").substring(1));
            assertThat(field).as(link.attr("href")).isNotNull();
            assertThat(field.attr("aria-invalid")).as(link.attr("href")).isEqualTo("true");
            String error = shown.getElementById(field.id() + "-error").text();
            assertThat(link.text()).as(link.attr("href")).endsWith(error);
        }
        assertThat(summary.select("a[href=#investment]").text())
                .isEqualTo("Implementeringsomkostninger (investering): Skriv et beløb i kroner, fx 1.234.567,50");
        assertThat(shown.selectFirst("#operatingCost-error").text()).isEqualTo("Beløbet må ikke være negativt");
        assertThat(shown.selectFirst("#serviceEfficiency-error").text()).contains("Afviger mere end 5 % fra planen");
        assertThat(shown.selectFirst("#milestone\\.M1-error").text()).isEqualTo("En milepæl kan ikke være nået efter regnskabsåret");
        assertThat(shown.selectFirst("#explanation-error").text()).contains("Skriv en forklaring");
        assertThat(shown.selectFirst("#investment-error")).isNotNull();
        assertThat(shown.selectFirst("#investment").val()).isEqualTo("en million");
        assertThat(shown.selectFirst("form.entry").attr("data-unsaved")).isEqualTo("true");
        json().get("/api/proposals/{ref}/actuals", ref).then().body("$", org.hamcrest.Matchers.empty());
    }

    @Test
    void an_amount_that_is_no_number_asks_for_no_explanation_of_its_own() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        CookieFilter cookies = login("formpage.buf");
        Document form = page(cookies, "/indberetning/" + ref + "/2027", 200);
        Response refused = submit(cookies, form, "form.entry", Map.of("investment", "en million", "serviceEfficiency", "500.000"));
        Document shown = Jsoup.parse(refused.asString());
        assertThat(shown.select("#error-summary a").eachAttr("href")).containsExactly("#investment");
        assertThat(shown.select("#explanation-error")).isEmpty();
    }

    @Test
    void the_proposal_page_says_who_enters_the_figures_to_a_reader_who_may_not_write_them() {
        String ref = Bodies.reference("SOF");
        Map<String, Object> body = Bodies.investment(ref);
        body.put("administrations", List.of("SOF", "BUF", "KFF"));
        created(body);
        Document proposal = page(login("formpage.kff"), "/forslag/" + ref, 200);
        assertThat(proposal.selectFirst(".entered-by").text()).isEqualTo("Tallene indberettes af SOF (den ledende forvaltning).");
        assertThat(proposal.select("a[href^=/indberetning/" + ref + "]")).isEmpty();

        String own = Bodies.reference("BUF");
        created(Bodies.investment(own));
        Document mine = page(login("formpage.buf"), "/forslag/" + own, 200);
        assertThat(mine.select(".entered-by")).isEmpty();
        assertThat(mine.select("a[href^=/indberetning/" + own + "]")).hasSize(1);
    }
}
