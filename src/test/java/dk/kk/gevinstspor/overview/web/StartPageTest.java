package dk.kk.gevinstspor.overview.web;

import static dk.kk.gevinstspor.common.web.Browser.page;
import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.putActuals;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.admin.PriceIndexRepository;
import dk.kk.gevinstspor.common.web.Browser;
import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The start page by role (jsoup): what a visitor, an entry user, a viewer and an admin see on {@code /}, and what
 * each does not see. Test "today" is 1 March 2030, so the figures due are those of 2029 and the default deadline is
 * today (not overdue yet).
 */
@QuarkusTest
class StartPageTest {

    static final String PASSWORD = "start-password-1";

    @Inject
    PriceIndexRepository priceIndices;

    static synchronized void users() {
        Browser.user("start.buf", PASSWORD, "entry", List.of("BUF"));
        Browser.user("start.viewer", PASSWORD, "viewer", List.of());
    }

    @Test
    void a_visitor_reads_what_the_service_is_and_is_offered_only_the_login() {
        Document start = page(new io.restassured.filter.cookie.CookieFilter(), "/", 200);
        assertThat(start.selectFirst("html").attr("lang")).isEqualTo("da");
        assertThat(start.selectFirst("main h1").text()).isEqualTo("Gevinstspor");
        assertThat(start.selectFirst("main").text()).contains("majbidragene");
        assertThat(start.select("main a[href=/login]")).hasSize(1);
        assertThat(start.select("nav[aria-label=Hovedmenu] a").eachText()).containsExactly("Log ind");
        assertThat(start.select("a[href=/q/swagger-ui], a[href=/q/metrics], footer.admin-footer")).isEmpty();
        assertThat(start.select("a[href^=/rapporter], a[href^=/indberetning]")).isEmpty();
    }

    @Test
    void an_entry_user_sees_the_figures_due_with_their_counts_and_the_deadline_but_no_administration() {
        users();
        String missing = Bodies.reference("BUF");
        created(Bodies.investment(missing));
        String entered = Bodies.reference("BUF");
        created(Bodies.investment(entered));
        putActuals(entered, 2029, Bodies.actuals(2029, 0, 0, 0, 2_000_000, 0)).statusCode(200);

        Document start = page(Browser.login("start.buf", PASSWORD), "/", 200);
        Element entry = start.selectFirst("section.start-entry");
        assertThat(entry.selectFirst("h2").text()).isEqualTo("Indberetning 2029");
        assertThat(entry.selectFirst(".deadline").text()).isEqualTo("Fristen er 1. marts 2030.");
        assertThat(entry.select(".overdue")).isEmpty();
        assertThat(entry.select("table.due").text()).as("only what is not done").doesNotContain(entered);

        // the same proposals and counts as the entry list (one selection: EntryOverview): its open lines, the first 15
        Document list = page(Browser.login("start.buf", PASSWORD), "/indberetning", 200);
        Element listed = list.select("tbody tr").stream().filter(tr -> tr.text().contains(missing)).findFirst().orElseThrow();
        assertThat(listed.text()).contains("Mangler");
        List<String> open = list.select("tbody tr").stream().filter(tr -> !tr.text().contains("Indtastet"))
                .map(tr -> tr.selectFirst("a[href^=/indberetning/]").attr("href")).limit(15).toList(); // the form, not the proposal
        assertThat(entry.select("table.due tbody tr a").eachAttr("href")).isEqualTo(open).contains(open.get(0))
                .allMatch(h -> h.matches("/indberetning/BUF-[^/]+/2029"));
        if (open.size() < 15) {
            assertThat(open).contains("/indberetning/" + missing + "/2029");
        }
        String counts = list.selectFirst(".counts").text();
        assertThat(counts).contains(entry.selectFirst(".state-MISSING strong").text() + " mangler ·")
                .contains(entry.selectFirst(".state-EXPLANATION_NEEDED strong").text() + " mangler forklaring")
                .contains(entry.selectFirst(".state-ENTERED strong").text() + " indtastet");
        assertThat(entry.select("a[href=/indberetning]")).isNotEmpty();
        assertThat(entry.select("a[href=/indberetning/upload]")).isNotEmpty();

        assertThat(start.select("section.start-reports a[href^=/rapporter?rapport=majbidrag]")).hasSize(1);
        assertThat(start.select("section.start-admin, footer.admin-footer, a[href=/admin], a[href=/q/swagger-ui]")).isEmpty();
        assertThat(start.select("nav[aria-label=Hovedmenu] a").eachText()).containsExactly("Forside", "Forslag", "Rapporter",
                "Indberetning", "Upload fil", "Skift adgangskode");
    }

    @Test
    void after_the_deadline_an_entry_user_with_missing_figures_is_told_clearly() {
        users();
        created(Bodies.investment(Bodies.reference("BUF")));
        try {
            json().body(Map.of("day", 28, "month", 2)).put("/api/settings/entry-deadline").then().statusCode(200);
            Document start = page(Browser.login("start.buf", PASSWORD), "/", 200);
            Element overdue = start.selectFirst("section.start-entry .deadline.overdue");
            assertThat(overdue).isNotNull();
            assertThat(overdue.attr("role")).isEqualTo("alert");
            assertThat(overdue.text()).contains("Fristen er overskredet").contains("senest 28. februar 2030");
        } finally {
            json().body(Map.of("day", 1, "month", 3)).put("/api/settings/entry-deadline").then().statusCode(200);
        }
    }

    @Test
    void a_viewer_sees_the_reports_with_the_years_headline_figures_and_never_the_entry() {
        users();
        String ref = Bodies.reference("SOF");
        created(Bodies.investment(ref));
        putActuals(ref, 2029, Bodies.actuals(2029, 0, 0, 0, 2_000_000, 0)).statusCode(200);
        json().post("/api/admin/snapshots/rebuild").then().statusCode(200);

        Document start = page(Browser.login("start.viewer", PASSWORD), "/", 200);
        assertThat(start.select("section.start-entry, section.start-admin, footer.admin-footer")).isEmpty();
        assertThat(start.select("a[href^=/indberetning]")).as("a viewer is never offered the entry").isEmpty();
        assertThat(start.select("nav[aria-label=Hovedmenu] a").eachText()).containsExactly("Forside", "Forslag", "Rapporter",
                "Skift adgangskode");
        assertThat(start.select("section.start-reports .report-links a").eachAttr("href")).contains(
                "/rapporter?rapport=majbidrag&aar=2030", "/rapporter?rapport=oekonomiudvalget&aar=2030",
                "/rapporter?rapport=it-kredsen&aar=2030", "/rapporter?rapport=laan&aar=2029");

        Element headline = start.selectFirst("section.headline");
        assertThat(headline.selectFirst("h3").text()).isEqualTo("Regnskabsåret 2029 i tal");
        long followedUp = Long.parseLong(headline.selectFirst("p strong").text().replace(".", ""));
        long byStatus = 0;
        for (Element count : headline.select("ul.status-counts strong")) {
            byStatus += Long.parseLong(count.text().replace(".", ""));
        }
        assertThat(followedUp).as("followed up").isPositive().isEqualTo(byStatus);
        assertThat(headline.select("ul.status-counts li").eachText()).anyMatch(t -> t.endsWith("Grøn"))
                .anyMatch(t -> t.endsWith("Gul")).anyMatch(t -> t.endsWith("Rød")).anyMatch(t -> t.endsWith("Mangler"));
        if (!headline.select("dl.gain").isEmpty()) {
            BigDecimal planned = new BigDecimal(headline.select("dl.gain dd").get(0).attr("data-value"));
            BigDecimal actual = new BigDecimal(headline.select("dl.gain dd").get(1).attr("data-value"));
            assertThat(planned.signum()).isPositive();
            BigDecimal shown = new BigDecimal(headline.select("dl.gain dd").get(2).attr("data-value"));
            assertThat(shown).isEqualByComparingTo(actual.divide(planned, 3, java.math.RoundingMode.HALF_UP));
        } else {
            assertThat(headline.text()).contains("pristallet mangler");
        }
    }

    @Test
    void an_admin_sees_pending_decisions_findings_and_the_latest_imports_and_the_machine_links_only_in_the_footer() {
        String pending = Bodies.reference("SUF");
        created(Bodies.investment(pending));
        long decision = json().body(Bodies.map("type", "CANCELLATION", "description", "Opgives", "effectiveYear", 2030))
                .post("/api/proposals/" + pending + "/decisions").then().statusCode(201).extract().jsonPath().getLong("id");
        String warned = Bodies.reference("KFF");
        Map<String, Object> body = Bodies.investment(warned);
        body.put("assessments", new ArrayList<>(List.of(Bodies.map("type", "KONCERN_IT", "date", "2025-09-01", "reference", "KIT-1"))));
        created(body);
        String imported = Bodies.reference("BUF");
        created(Bodies.investment(imported));
        json().contentType("text/csv").body(("reference;year;investment;operationFunding;operatingCost;serviceEfficiency;transferEffect;repayment\n"
                + imported + ";2026;3.000.000;0;0;0;0;0\n").getBytes(StandardCharsets.UTF_8)).post("/api/imports/actuals").then().statusCode(200);
        json().post("/api/admin/snapshots/rebuild").then().statusCode(200);

        Document start = page(Browser.login("admin", "admin-test-password"), "/", 200);
        Element tasks = start.selectFirst("section.start-admin");
        assertThat(tasks.select(".pending-decisions a").eachAttr("href")).contains("/forslag/" + pending + "#beslutning-" + decision);

        Element finding = tasks.select("table.findings tbody tr").stream().filter(tr -> tr.text().contains(warned)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + warned + " in " + tasks.select("table.findings").text()));
        assertThat(finding.selectFirst("a").attr("href")).isEqualTo("/forslag/" + warned);
        assertThat(finding.text()).contains("Advarsel").contains("Økonomikredsen").doesNotContain("ASSESSMENT_MISSING");

        Element latest = tasks.selectFirst("table.imports tbody tr");
        assertThat(latest.text()).contains("admin");
        assertThat(latest.select("td.amount").eachText()).containsExactly("1", "1", "0", "0");

        assertThat(tasks.select(".admin-links a[href=/admin/prisindeks]")).hasSize(1);
        assertThat(start.select("main a[href^=/q/]")).as("no machine links in the page body").isEmpty();
        assertThat(start.select("footer.admin-footer a").eachAttr("href")).containsExactly("/q/swagger-ui", "/q/openapi",
                "/api/administrations"); // health and metrics are on the management port, not the pages' (docs/running.md)
        assertThat(start.select("nav[aria-label=Hovedmenu] a").eachText()).contains("Indberetning", "Administration");
        given().redirects().follow(false).get("/").then().body(containsString("href=\"/css/print.css\" media=\"print\""));
    }

    @Test
    void missing_price_index_years_link_to_their_form_and_the_headline_names_them() {
        String ref = Bodies.reference("KFF");
        created(Bodies.investment(ref));
        json().post("/api/admin/snapshots/rebuild").then().statusCode(200);
        Document none = page(Browser.login("admin", "admin-test-password"), "/", 200);
        assertThat(none.selectFirst(".missing-price-index").text()).contains("Alle år");
        try {
            // one stored year (no other test uses 2050): every other needed year is missing, 2031 (next meeting year) too
            json().body(Map.of("index", 100)).put("/api/price-index/2050").then().statusCode(200);
            Document start = page(Browser.login("admin", "admin-test-password"), "/", 200);
            List<String> links = start.select(".missing-price-index a").eachAttr("href");
            assertThat(links).contains("/admin/prisindeks?aar=2031").allMatch(h -> h.startsWith("/admin/prisindeks?aar="))
                    .doesNotContain("/admin/prisindeks?aar=2050");
            assertThat(start.selectFirst("section.headline").text()).contains("pristallet mangler for");
            assertThat(start.select("section.headline a[href=/admin/prisindeks?aar=2030]")).hasSize(1);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> priceIndices.delete("year >= ?1", 2050));
        }
    }
}
