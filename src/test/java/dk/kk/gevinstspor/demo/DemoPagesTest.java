package dk.kk.gevinstspor.demo;

import static dk.kk.gevinstspor.common.web.Browser.login;
import static dk.kk.gevinstspor.common.web.Browser.page;
import static dk.kk.gevinstspor.common.web.Browser.svgs;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.common.web.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Every page renders for the demo portfolio. The demo is loaded by its own loader at start-up
 * ({@code gevinstspor.demo=true}) into a schema of its own on the test server, so the other tests' shared data
 * never meets it (and DemoDataTest can still load it in its rolled-back transaction).
 */
@QuarkusTest
@TestProfile(DemoPagesTest.DemoSchema.class)
public class DemoPagesTest {

    /** The demo in schema {@value #SCHEMA}: Flyway creates and migrates it, every connection searches it first. */
    public static class DemoSchema implements QuarkusTestProfile {

        static final String SCHEMA = "demo_pages";

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gevinstspor.demo", "true",
                    "quarkus.datasource.jdbc.additional-jdbc-properties.currentSchema", SCHEMA,
                    "quarkus.flyway.schemas", SCHEMA,
                    "quarkus.hibernate-orm.database.default-schema", SCHEMA);
        }
    }

    /** The demo's meeting year: the reports of 2026 cover the accounts of 2025, the demo's last full year. */
    static final int MEETING_YEAR = 2026;

    static CookieFilter admin() {
        return login("demo.admin", "demo-admin-2026");
    }

    @Test
    void every_demo_proposal_has_its_page_with_plan_evaluation_history_and_two_well_formed_charts() {
        CookieFilter admin = admin();
        assertThat(DemoPortfolio.proposals()).hasSizeGreaterThan(20);
        for (DemoProposal demo : DemoPortfolio.proposals()) {
            String ref = demo.proposal().reference();
            Response raw = given().filter(admin).get("/forslag/{ref}?aar={year}", ref, MEETING_YEAR - 1);
            assertThat(raw.statusCode()).as(ref).isEqualTo(200);
            Document page = Jsoup.parse(raw.asString());
            assertThat(page.selectFirst("h1").text()).as(ref).isEqualTo(ref + ": " + demo.proposal().title());
            assertThat(page.select("#plan table.plan tbody tr")).as(ref).hasSizeGreaterThanOrEqualTo(demo.proposal().plan().size());
            assertThat(page.select("#vurdering ul.conditions li")).as(ref).hasSize(demo.proposal().loan() == null ? 5 : 6);
            assertThat(page.select("#historik tbody tr")).as(ref).isNotEmpty();
            // two charts under visible titles; one with nothing to draw (a pre-analysis plans no gain) says so instead
            assertThat(page.select("figure.chart figcaption")).as(ref).extracting(Element::text).containsExactly("Puljemidler pr. år",
                    "Gevinst pr. år");
            List<String> charts = svgs(raw.asString());
            assertThat(charts.size() + page.select("figure.chart p.chart-empty").size()).as(ref).isEqualTo(2);
            charts.forEach(Browser::xml);
        }
        Document cancelled = page(admin, "/forslag/" + DemoData.CANCELLED, 200);
        assertThat(cancelled.select("dl.facts").text()).contains("Annulleret med virkning fra 2025").contains("450 t.kr.");
        assertThat(cancelled.select("#beslutninger").text()).contains("Annullering").contains("Borgerrepræsentationen");
    }

    @Test
    void every_report_page_renders_for_the_demo_with_the_totals_of_the_json_report() {
        CookieFilter viewer = login("itkredsen", "demo-viewer-2026");
        List<String> committees = given().filter(viewer).get("/api/committees").jsonPath().getList("code");
        assertThat(committees).isNotEmpty();
        int rowsInAll = 0;
        for (String committee : committees) {
            rowsInAll += checkReport(viewer, "/rapporter?rapport=majbidrag&aar=" + MEETING_YEAR + "&udvalg=" + committee,
                    "/api/reports/majbidrag/" + MEETING_YEAR + "?committee=" + committee);
        }
        assertThat(rowsInAll).isGreaterThan(0);
        checkReport(viewer, "/rapporter?rapport=oekonomiudvalget&aar=" + MEETING_YEAR, "/api/reports/finance-committee/" + MEETING_YEAR);
        checkReport(viewer, "/rapporter?rapport=it-kredsen&aar=" + MEETING_YEAR, "/api/reports/it-kreds/" + MEETING_YEAR);
        checkReport(viewer, "/rapporter?rapport=innovation&aar=" + MEETING_YEAR, "/api/reports/innovation/" + MEETING_YEAR);

        JsonPath loans = given().filter(viewer).get("/api/reports/loans/2025").jsonPath();
        Document loanPage = page(viewer, "/rapporter?rapport=laan&aar=2025", 200);
        assertThat(loanPage.select("table.report tbody tr:has(a)")).hasSize(loans.getList("loans").size());
        assertThat(new BigDecimal(loanPage.select("table.report tr.totals td[data-value]").last().attr("data-value")))
                .isEqualByComparingTo(loans.getString("totals.outstanding"));
        assertThat(page(viewer, "/rapporter?rapport=rammer&aar=2025", 200).select("table.report tbody tr:not(.section)")).hasSize(5);
    }

    /** The page's rows and grand totals against the JSON report; its charts well-formed; returns the number of rows. */
    private static int checkReport(CookieFilter viewer, String page, String api) {
        JsonPath report = given().filter(viewer).get(api).then().statusCode(200).extract().jsonPath();
        Response raw = given().filter(viewer).get(page);
        assertThat(raw.statusCode()).as(page).isEqualTo(200);
        Document html = Jsoup.parse(raw.asString());
        assertThat(html.selectFirst("h1").text()).as(page).startsWith("Opfølgning på investerings- og innovationsforslag — ");
        int rows = report.getList("rows").size();
        assertThat(html.select("table.report tbody tr:has(a)")).as(page).hasSize(rows);
        List<BigDecimal> totals = html.select("table.report tfoot td[data-value]").eachAttr("data-value").stream().map(BigDecimal::new)
                .toList();
        for (String field : List.of("plannedPoolMoney", "actualPoolMoney", "plannedGain", "actualGain", "cumulativePlannedGain",
                "cumulativeActualGain")) {
            BigDecimal expected = new BigDecimal(report.getString("totals." + field));
            assertThat(totals).as(page + " " + field).anySatisfy(v -> assertThat(v).isEqualByComparingTo(expected));
        }
        List<String> charts = svgs(raw.asString());
        // every chart drawn or, with nothing to draw, a message instead; the status chart comes last
        assertThat(html.select("figure.chart")).as(page).hasSizeGreaterThanOrEqualTo(rows == 0 ? 0 : 2);
        assertThat(charts.size() + html.select("figure.chart p.chart-empty").size()).as(page).isEqualTo(html.select("figure.chart").size());
        if (rows > 0) {
            charts.forEach(Browser::xml);
            int counted = Browser.bars(charts.get(charts.size() - 1)).stream().mapToInt(b -> b.value().intValueExact()).sum();
            assertThat(counted).as(page + ": the status bars count every row").isEqualTo(rows);
        }
        return rows;
    }

    @Test
    void the_admin_pages_render_for_the_demo_and_the_demo_viewer_is_refused_them() {
        CookieFilter admin = admin();
        assertThat(page(admin, "/admin/beslutninger", 200).selectFirst("h1").text()).isEqualTo("Ændringsbeslutninger");
        assertThat(page(admin, "/admin/brugere", 200).select("table.users th").eachText()).contains("demo.admin", "itkredsen");
        assertThat(page(admin, "/admin/prisindeks", 200).selectFirst("h1").text()).isEqualTo("Pristal");
        assertThat(page(admin, "/admin/rammer?aar=2025", 200).select("form.frames input[type=text]")).hasSize(5);
        assertThat(page(admin, "/admin/beslutninger/" + DemoPortfolio.proposals().get(0).proposal().reference() + "/ny", 200)
                .select("form.decision")).hasSize(1);

        CookieFilter viewer = login("itkredsen", "demo-viewer-2026");
        assertThat(page(viewer, "/admin/beslutninger", 403).selectFirst("h1").text()).isEqualTo("Ingen adgang");
        assertThat(page(viewer, "/forslag/" + DemoData.CANCELLED, 200).select("main form[method=post]")).isEmpty();
    }
}
