package dk.kk.gevinstspor.report.web;

import static dk.kk.gevinstspor.common.web.Browser.login;
import static dk.kk.gevinstspor.common.web.Browser.page;
import static dk.kk.gevinstspor.common.web.Browser.svgs;
import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.putActuals;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.common.web.Browser;
import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The report pages read with jsoup against the JSON report they show; their charts read with an XML parser. */
@QuarkusTest
class ReportPagesTest {

    static final String PASSWORD = "report-pages-password";
    static final String VIEWER = "reportpages.viewer";
    static String green;
    static String red;

    @BeforeEach
    void data() {
        if (green != null) {
            return;
        }
        Browser.user(VIEWER, PASSWORD, "viewer", List.of());
        String greenReference = Bodies.reference("BUF");
        created(Bodies.investment(greenReference));
        for (int year = 2026; year <= 2029; year++) {
            Map<String, Object> a = Bodies.actuals(year, year == 2026 ? 3_000_000 : year == 2027 ? 1_000_000 : 0, 0, 0,
                    year == 2027 ? 500_000 : year == 2028 ? 1_500_000 : 2_000_000, 0);
            if (year == 2026) {
                a.put("serviceEfficiency", 0);
            }
            if (year >= 2027) {
                a.put("milestones", Map.of("M1", 2027));
            }
            if (year >= 2028) {
                a.put("kpis", Map.of("K1", 1300));
            }
            putActuals(greenReference, year, a).statusCode(200);
        }
        red = Bodies.reference("BUF");
        Map<String, Object> p = Bodies.investment(red);
        p.put("title", "Robotter & automatisering <pilot>");
        created(p);
        for (int year = 2026; year <= 2029; year++) {
            Map<String, Object> a = Bodies.actuals(year, year == 2026 ? 3_000_000 : year == 2027 ? 1_000_000 : 0, 0, 0,
                    year == 2026 ? 0 : 100_000, 0);
            a.put("explanation", "Gevinsten udebliver");
            putActuals(red, year, a).statusCode(200);
        }
        created(Bodies.preAnalysisWithLoan(Bodies.reference("SOF"))); // not BUF: a 2021 price level in BUU's majbidrag needs a 2021 index in ReportApiTest
        green = greenReference;
    }

    static CookieFilter viewer() {
        return login(VIEWER, PASSWORD);
    }

    @Test
    void the_majbidrag_page_is_headed_as_the_annex_and_its_rows_and_totals_are_the_json_report() {
        JsonPath report = json().get("/api/reports/majbidrag/2030?committee=BUU").then().statusCode(200).extract().jsonPath();
        Response raw = given().filter(viewer()).get("/rapporter?rapport=majbidrag&aar=2030&udvalg=BUU");
        assertThat(raw.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(raw.asString());

        assertThat(page.selectFirst("h1").text())
                .isEqualTo("Opfølgning på investerings- og innovationsforslag — Majbidrag 2030, Børne- og Ungdomsudvalget");
        // the tests' price index is empty: the amounts are the proposals' own, and the note says so (DOMAIN.md Edges 10)
        assertThat(page.selectFirst(".report-note").text()).contains("Regnskabsår 2029")
                .contains("Beløb i 1.000 kr. i forslagenes egne prisniveauer").doesNotContain("2030-P/L");
        Element table = page.selectFirst("table.report");
        assertThat(table.select("thead th[data-heading]").eachAttr("data-heading")).contains("Reference", "Titel", "Gevinst plan 2029",
                "Gevinst faktisk 2029");

        // every JSON row is a row of the page, linked to its proposal page
        List<String> references = report.getList("rows.reference");
        List<Element> rows = table.select("tbody tr:has(a)");
        assertThat(rows).extracting(r -> r.selectFirst("a").text()).containsExactlyInAnyOrderElementsOf(references);
        Element greenRow = rows.stream().filter(r -> r.text().contains(green)).findFirst().orElseThrow();
        assertThat(greenRow.selectFirst("a").attr("href")).isEqualTo("/forslag/" + green);
        assertThat(greenRow.text()).contains("Grøn").contains("2.000"); // gain 2029 in 1.000 kr.
        Element redRow = rows.stream().filter(r -> r.text().contains(red)).findFirst().orElseThrow();
        assertThat(redRow.text()).contains("Robotter & automatisering <pilot>").contains("Rød").contains("Gevinsten udebliver");

        // grand totals: the exact figures of the JSON report's totals
        List<String> totals = table.select("tfoot td[data-value]").eachAttr("data-value");
        for (String field : List.of("plannedPoolMoney", "actualPoolMoney", "plannedGain", "actualGain", "cumulativePlannedPoolMoney",
                "cumulativeActualPoolMoney", "cumulativePlannedGain", "cumulativeActualGain")) {
            BigDecimal expected = new BigDecimal(report.getString("totals." + field));
            assertThat(totals.stream().map(BigDecimal::new)).as(field).anySatisfy(v -> assertThat(v).isEqualByComparingTo(expected));
        }
        assertThat(table.selectFirst("tfoot th").text()).isEqualTo("I alt, alle forslag");
        int actualGain = Integer.parseInt(table.selectFirst("thead th[data-heading=Gevinst faktisk 2029]").attr("data-column"));
        Element shownTotal = table.selectFirst("tfoot tr").child(actualGain);
        assertThat(shownTotal.text()).isEqualTo(thousands(new BigDecimal(report.getString("totals.actualGain"))));

        // charts: well-formed SVG whose bars are the figures of the tables
        List<String> charts = svgs(raw.asString());
        assertThat(charts).hasSize(2);
        Map<String, BigDecimal[]> byAdministration = new TreeMap<>();
        List<Map<String, Object>> jsonRows = report.getList("rows");
        for (Map<String, Object> r : jsonRows) {
            BigDecimal[] sums = byAdministration.computeIfAbsent((String) r.get("administration"), k -> new BigDecimal[] { BigDecimal.ZERO,
                    BigDecimal.ZERO });
            sums[0] = sums[0].add(new BigDecimal(r.get("cumulativePlannedGain").toString()));
            sums[1] = sums[1].add(new BigDecimal(r.get("cumulativeActualGain").toString()));
        }
        List<Browser.Bar> realisationBars = Browser.bars(charts.get(0));
        assertThat(realisationBars).extracting(Browser.Bar::category).containsExactlyElementsOf(byAdministration.keySet());
        for (Browser.Bar bar : realisationBars) {
            BigDecimal[] sums = byAdministration.get(bar.category());
            assertThat(bar.value()).as(bar.category()).isEqualByComparingTo(sums[1].divide(sums[0], 3, RoundingMode.HALF_UP));
        }
        List<Browser.Bar> statusBars = Browser.bars(charts.get(1));
        assertThat(statusBars).extracting(Browser.Bar::category).containsExactly("Grøn", "Gul", "Rød", "Mangler", "Ikke startet");
        List<String> statuses = jsonRows.stream().filter(r -> r.get("cancelledFrom") == null).map(r -> (String) r.get("status")).toList();
        String[] codes = { "GREEN", "AMBER", "RED", "MISSING", "NOT_STARTED" };
        for (int i = 0; i < codes.length; i++) {
            String code = codes[i];
            assertThat(statusBars.get(i).value().intValue()).as(code).isEqualTo((int) statuses.stream().filter(code::equals).count());
        }
        // each chart's text alternative: a title, a description and the same figures in a table
        assertThat(page.select("svg title").first().text()).isEqualTo("Gevinstrealisering pr. forvaltning");
        assertThat(page.select("table.chart-data")).hasSize(2);
    }

    static String thousands(BigDecimal kroner) {
        java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.forLanguageTag("da-DK")));
        return f.format(kroner.divide(BigDecimal.valueOf(1000), 0, RoundingMode.HALF_UP));
    }

    @Test
    void format_html_on_the_report_api_gives_the_same_page() {
        String api = json().get("/api/reports/majbidrag/2030?committee=BUU&format=html").then().statusCode(200)
                .contentType("text/html;charset=UTF-8").extract().asString();
        CookieFilter admin = login("admin", "admin-test-password");
        String pageHtml = given().filter(admin).get("/rapporter?rapport=majbidrag&aar=2030&udvalg=BUU").asString();
        assertThat(Jsoup.parse(api).selectFirst("main").outerHtml()).isEqualTo(Jsoup.parse(pageHtml).selectFirst("main").outerHtml());

        String loans = json().get("/api/reports/loans/2029?format=html").then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(loans).selectFirst("main").outerHtml())
                .isEqualTo(Jsoup.parse(given().filter(admin).get("/rapporter?rapport=laan&aar=2029").asString()).selectFirst("main").outerHtml());
    }

    @Test
    void every_report_renders_with_its_heading_and_table() {
        CookieFilter cookies = viewer();
        Map<String, String> headings = Map.of(
                "/rapporter?rapport=oekonomiudvalget&aar=2030", "Økonomiudvalget og Økonomikredsen 2030",
                "/rapporter?rapport=it-kredsen&aar=2030", "IT-kredsen 2030",
                "/rapporter?rapport=innovation&aar=2030&digital=nej", "Innovationsforslag og foranalyser 2030 (ikke-digitale)",
                "/rapporter?rapport=rammer&aar=2026", "Innovationspuljens rammer 2026",
                "/rapporter?rapport=laan&aar=2029", "Lånebog ultimo 2029");
        headings.forEach((path, heading) -> {
            Document page = page(cookies, path, 200);
            assertThat(page.selectFirst("h1").text()).as(path).endsWith(heading);
            assertThat(page.select("table.report thead th")).as(path).isNotEmpty();
        });
        JsonPath loans = json().get("/api/reports/loans/2029").then().extract().jsonPath();
        Document loanPage = page(cookies, "/rapporter?rapport=laan&aar=2029", 200);
        assertThat(loanPage.select("table.report tbody tr:has(a)")).hasSize(loans.getList("loans").size());
        assertThat(new BigDecimal(loanPage.select("table.report tr.totals td[data-value]").get(0).attr("data-value")))
                .isEqualByComparingTo(new BigDecimal(loans.getString("totals.principal")));
        JsonPath frames = json().get("/api/reports/innovation-frames/2026").then().extract().jsonPath();
        Document framePage = page(cookies, "/rapporter?rapport=rammer&aar=2026", 200);
        assertThat(framePage.select("table.report tbody tr:not(.section)")).hasSize(frames.getList("frames").size());
    }

    @Test
    void the_picker_explains_what_is_missing_and_anonymous_visitors_are_sent_to_the_login() {
        CookieFilter cookies = viewer();
        Document start = page(cookies, "/rapporter", 200);
        assertThat(start.select("select#rapport option")).extracting(Element::val).contains("majbidrag", "laan");
        assertThat(start.select("table.report")).isEmpty();
        assertThat(page(cookies, "/rapporter?rapport=majbidrag&aar=2030", 422).selectFirst("[role=alert]").text()).contains("Vælg et udvalg");
        assertThat(page(cookies, "/rapporter?rapport=majbidrag&aar=2030&udvalg=XYZ", 404).selectFirst("[role=alert]").text())
                .contains("XYZ");
        assertThat(page(cookies, "/rapporter?rapport=it-kredsen&aar=tyve", 422).selectFirst("[role=alert]").text()).contains("Ugyldigt år");
        given().redirects().follow(false).get("/rapporter?rapport=it-kredsen").then().statusCode(303)
                .header("Location", "/login?til=%2Frapporter%3Frapport%3Dit-kredsen"); // and back there after the sign-in
    }

    @Test
    void the_start_page_links_to_the_reports_for_every_signed_in_user_and_to_administration_for_admins() {
        Document viewerStart = page(viewer(), "/", 200);
        assertThat(viewerStart.select("a[href^=/rapporter?rapport=]")).hasSize(6);
        assertThat(viewerStart.select("a[href^=/admin]")).isEmpty();
        Document adminStart = page(login("admin", "admin-test-password"), "/", 200);
        assertThat(adminStart.select("a[href=/admin/brugere]")).hasSize(1);
        assertThat(page(new CookieFilter(), "/", 200).select("a[href^=/rapporter?]")).isEmpty();
    }
}
