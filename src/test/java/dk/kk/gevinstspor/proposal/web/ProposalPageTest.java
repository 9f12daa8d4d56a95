package dk.kk.gevinstspor.proposal.web;

import static dk.kk.gevinstspor.common.web.Browser.login;
import static dk.kk.gevinstspor.common.web.Browser.page;
import static dk.kk.gevinstspor.common.web.Browser.submit;
import static dk.kk.gevinstspor.common.web.Browser.svgs;
import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.putActuals;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The proposal page and the decision pages: a plan changed by a decision recorded and approved through the pages,
 * then read as admin, entry user and viewer; figures checked against the evaluation JSON, charts with an XML parser.
 */
@QuarkusTest
class ProposalPageTest {

    static final String PASSWORD = "proposal-page-password";
    static final String VIEWER = "proposalpage.viewer";
    static final String ENTRY = "proposalpage.buf";
    static boolean usersCreated;

    @BeforeEach
    void users() {
        if (!usersCreated) {
            Browser.user(VIEWER, PASSWORD, "viewer", List.of());
            Browser.user(ENTRY, PASSWORD, "entry", List.of("BUF"));
            usersCreated = true;
        }
    }

    static CookieFilter admin() {
        return login("admin", "admin-test-password");
    }

    @Test
    void a_decision_recorded_and_approved_on_the_pages_changes_the_plan_and_the_page_shows_baseline_plan_and_actuals() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        CookieFilter admin = admin();

        // record the decision: lower efficiency from 2028
        Document form = page(admin, "/admin/beslutninger/" + ref + "/ny", 200);
        assertThat(form.selectFirst("h1").text()).startsWith("Ny ændringsbeslutning for " + ref);
        assertThat(form.selectFirst("h1 a").attr("href")).isEqualTo("/forslag/" + ref);
        assertThat(form.select("input[name=plan.2.year]").val()).isEqualTo("2028");
        assertThat(form.select("input[name=plan.2.serviceEfficiency]").val()).isEqualTo("1.500.000");
        Response made = submit(admin, form, "form.decision", Map.of("type", "AMOUNT_DEVIATION", "description", "Færre sager end forudsat",
                "effectiveYear", "2028", "newPlan", "ja", "plan.2.serviceEfficiency", "1.200.000", "plan.3.serviceEfficiency", "1.800.000"));
        assertThat(made.statusCode()).isEqualTo(303);
        assertThat(made.header("Location")).contains("/forslag/" + ref + "#beslutning-");

        // approve it three times through the proposal page's form
        for (String body : List.of("COMMITTEE", "FINANCE_COMMITTEE", "CITY_COUNCIL")) {
            Document proposal = page(admin, "/forslag/" + ref, 200);
            Element pending = proposal.selectFirst("#beslutninger article.decision");
            assertThat(pending.text()).contains("Beløbsmæssig afvigelse med virkning fra 2028").contains("Afventer godkendelse");
            assertThat(pending.select("select[name=body] option").eachAttr("value")).first().isEqualTo(body);
            Response approved = submit(admin, proposal, "#beslutninger form.approval", Map.of("date", "12.05.2026", "caseReference",
                    body + " 2026-1"));
            assertThat(approved.statusCode()).as(body).isEqualTo(303);
        }
        json().get("/api/proposals/{ref}", ref).then().statusCode(200);
        assertThat(json().get("/api/proposals/{ref}/decisions", ref).jsonPath().getString("[0].status")).isEqualTo("APPROVED");

        for (int year = 2026; year <= 2029; year++) {
            Map<String, Object> a = Bodies.actuals(year, year == 2026 ? 3_000_000 : year == 2027 ? 1_000_000 : 0, 0, 0,
                    year == 2027 ? 500_000 : year == 2028 ? 1_200_000 : year == 2029 ? 1_700_000 : 0, 0);
            if (year >= 2027) {
                a.put("milestones", Map.of("M1", 2027));
            }
            if (year >= 2028) {
                a.put("kpis", Map.of("K1", 1300));
            }
            if (year == 2029) {
                a.put("explanation", "Sent i gang i ét distrikt");
            }
            putActuals(ref, year, a).statusCode(200);
        }

        Response raw = given().filter(admin).get("/forslag/" + ref + "?aar=2029");
        assertThat(raw.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(raw.asString());
        JsonPath evaluation = json().get("/api/proposals/{ref}/evaluation?year=2029", ref).then().statusCode(200).extract().jsonPath();
        assertThat(page.selectFirst("h1").text()).isEqualTo(ref + ": Digital pladsanvisning");
        assertThat(page.select("#plan .report-note").text()).contains("1.000 kr., 2026-P/L").contains("version 2 fra 2028 er gældende");

        // plan against actuals: the changed plan, the baseline and the actuals per year
        Element y2028 = row(page, "2028");
        assertThat(y2028.select("td").eachText()).containsExactly("0", "0", "0", "1.500", "1.200", "1.200"); // no explanation: an empty cell
        Element y2029 = row(page, "2029");
        assertThat(new BigDecimal(y2029.select("td").get(4).attr("data-value")))
                .isEqualByComparingTo(new BigDecimal(evaluation.getString("figures.plannedGain")));
        assertThat(new BigDecimal(y2029.select("td").get(5).attr("data-value")))
                .isEqualByComparingTo(new BigDecimal(evaluation.getString("figures.actualGain")));

        // evaluation, targets, fully implemented with each condition
        assertThat(page.select("#vurdering dd").first().text()).isEqualTo(Map.of("GREEN", "Grøn", "AMBER", "Gul", "RED", "Rød")
                .getOrDefault(evaluation.getString("status"), "?"));
        assertThat(page.select("#vurdering ul.conditions li")).hasSize(evaluation.getList("fullyImplementedConditions").size());
        assertThat(page.select("#vurdering dt").eachText()).contains("Tilbagebetalingstid");
        assertThat(page.select("#vurdering table.targets tbody tr")).extracting(r -> r.selectFirst("th").text())
                .containsExactly("EFF", "M1", "K1");
        assertThat(page.select("#vurdering table.targets").text()).contains("Frist 2027").contains("2028: 1.200");

        // the approved decision with its three approvals; no approval form left
        Element decision = page.selectFirst("#beslutninger article.decision");
        assertThat(decision.text()).contains("Godkendt");
        assertThat(decision.select("table.approvals tbody tr")).extracting(r -> r.selectFirst("th").text())
                .containsExactly("Fagudvalget", "Økonomiudvalget", "Borgerrepræsentationen");
        assertThat(page.select("form.approval")).isEmpty();
        assertThat(page.select("#historik tbody tr")).isNotEmpty();
        assertThat(page.select("#historik").text()).contains("Ændringsbeslutning").contains("Godkendelse").contains("Faktiske tal").contains("admin");

        // charts: well-formed SVG; the gain chart's bars are the table's figures
        List<String> charts = svgs(raw.asString());
        assertThat(charts).hasSize(2);
        List<Browser.Bar> gainBars = Browser.bars(charts.get(1));
        assertThat(gainBars).filteredOn(b -> b.category().equals("2028"))
                .extracting(b -> b.series() + "=" + b.value().stripTrailingZeros().toPlainString())
                .containsExactly("Oprindelig plan=1500000", "Gældende plan=1200000", "Faktisk=1200000");
        assertThat(gainBars).filteredOn(b -> b.category().equals("2029") && b.series().equals("Faktisk")).singleElement()
                .satisfies(b -> assertThat(b.value()).isEqualByComparingTo(evaluation.getString("figures.actualGain")));
        assertThat(page.select("svg title").eachText()).contains("Puljemidler pr. år", "Gevinst pr. år");
    }

    static Element row(Document page, String year) {
        return page.select("#plan table.plan tbody tr").stream().filter(r -> r.selectFirst("th").text().equals(year)).findFirst()
                .orElseThrow();
    }

    @Test
    void the_loan_schedule_stands_against_the_repayments() {
        // not BUF: a 2021 price level in BUU's majbidrag would need a 2021 price index in ReportApiTest's conversion test
        String ref = Bodies.reference("SOF");
        created(Bodies.preAnalysisWithLoan(ref));
        putActuals(ref, 2021, Bodies.actuals(2021, 600_000, 0, 0, 0, 0)).statusCode(200);
        Map<String, Object> repaid = Bodies.actuals(2022, 0, 0, 0, 0, 0);
        repaid.put("repayment", 300_000);
        putActuals(ref, 2022, repaid).statusCode(200);

        Document page = page(login(VIEWER, PASSWORD), "/forslag/" + ref + "?aar=2023", 200);
        Element loan = page.selectFirst("#laan");
        assertThat(loan.text()).contains("Hovedstol 600 t.kr.").contains("Bagud").contains("restgæld 300 t.kr.");
        assertThat(loan.select("tbody tr")).extracting(r -> r.text()).containsExactly("2022 300 300", "2023 300 –");
        // a pre-analysis has no payback: no line for it at all (not "Tilbagebetalingstid: aldrig")
        assertThat(page.select("#vurdering dt").eachText()).contains("Status").doesNotContain("Tilbagebetalingstid");
        assertThat(page.select("#vurdering").text()).doesNotContain("aldrig");
    }

    @Test
    void the_history_is_danish_newest_first_with_field_labels_and_danish_values() {
        String ref = Bodies.reference("BUF");
        Map<String, Object> body = Bodies.investment(ref);
        created(body);
        Map<String, Object> first = Bodies.actuals(2026, 1_000_000, 0, 0, 0, 0);
        first.put("explanation", "Forsinket");
        putActuals(ref, 2026, first).statusCode(200);
        Map<String, Object> corrected = Bodies.actuals(2026, new BigDecimal("1250000.50"), 0, 0, 0, 0);
        corrected.put("version", 0);
        corrected.put("explanation", "Udbuddet blev dyrere");
        putActuals(ref, 2026, corrected).statusCode(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> plan = (List<Map<String, Object>>) body.get("plan");
        plan.stream().filter(l -> Integer.valueOf(2028).equals(l.get("year"))).forEach(l -> l.put("serviceEfficiency", new BigDecimal("1200000.50")));
        long id = json().body(Bodies.map("type", "AMOUNT_DEVIATION", "description", "Færre sager", "effectiveYear", 2028, "plan", plan))
                .post("/api/proposals/{ref}/decisions", ref).then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("COMMITTEE", "BUU-2026-1");
        cases.put("FINANCE_COMMITTEE", "ØU-2026-1");
        cases.put("CITY_COUNCIL", "BR-2026-1");
        for (String approver : cases.keySet()) {
            json().body(Bodies.map("date", "2026-05-12", "caseReference", cases.get(approver)))
                    .put("/api/proposals/{ref}/decisions/{id}/approvals/{body}", ref, id, approver).then().statusCode(200);
        }

        Element history = page(login(VIEWER, PASSWORD), "/forslag/" + ref, 200).selectFirst("#historik");
        List<Element> rows = history.select("tbody tr");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(7);
        List<String> times = rows.stream().map(r -> r.selectFirst("td").text()).toList();
        assertThat(times).allMatch(t -> t.matches("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}"), "dd.mm.åååå tt:mm");
        assertThat(times).isSortedAccordingTo(java.util.Comparator.comparing(
                (String t) -> t.substring(6, 10) + t.substring(3, 5) + t.substring(0, 2) + t.substring(11)).reversed());
        // newest first: the last approval made the decision approved
        assertThat(rows.get(0).text()).contains("admin");
        String text = history.text();
        assertThat(text).contains("Ændringsbeslutning: Beløbsmæssig afvigelse (nr. " + id + ")")
                .contains("Godkendelse: Borgerrepræsentationen (beslutning nr. " + id + ")")
                .contains("Status: Afventer godkendelse → Godkendt")
                .contains("Sagsnummer: BR-2026-1").contains("Dato: 12.05.2026")
                .contains("Faktiske tal: 2026")
                .contains("Implementeringsomkostninger (investering): 1.000.000 → 1.250.000,50")
                .contains("Forklaring: Forsinket → Udbuddet blev dyrere")
                .contains("Ny plan: 2026: Implementeringsomkostninger (investering) 3.000.000; 2027: ")
                .contains("2028: Effektivisering på service 1.200.000,50")
                .contains("Plan for 2028: Effektivisering på service 1.200.000,50").contains("Gælder fra: 2028")
                .contains("Type: Investeringsforslag").contains("Digitalt: Ja").doesNotContain("Afhængige forslag");
        Element decisionApproved = rows.stream().filter(r -> r.text().contains("Afventer godkendelse → Godkendt")).findFirst().orElseThrow();
        Element actualsCorrected = rows.stream().filter(r -> r.text().contains("1.000.000 → 1.250.000,50")).findFirst().orElseThrow();
        assertThat(rows.indexOf(decisionApproved)).as("the approval is newer than the figures").isLessThan(rows.indexOf(actualsCorrected));
        assertThat(text).doesNotContainPattern("\\b(PENDING|APPROVED|AMOUNT_DEVIATION|COMMITTEE|FINANCE_COMMITTEE|INVESTMENT|true|false)\\b")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}").doesNotContain("1250000", "(oprettet)", "serviceEfficiency", "{", "\"");
    }

    @Test
    void the_viewer_reads_without_edit_controls_and_is_refused_the_edit_urls() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        long id = json().body(Bodies.map("type", "CANCELLATION", "description", "Stoppes", "effectiveYear", 2027))
                .post("/api/proposals/{ref}/decisions", ref).then().statusCode(201).extract().jsonPath().getLong("id");

        CookieFilter viewer = login(VIEWER, PASSWORD);
        Document page = page(viewer, "/forslag/" + ref, 200);
        assertThat(page.selectFirst("#beslutninger").text()).contains("Annullering").contains("mangler");
        assertThat(page.select("main form[method=post]")).isEmpty();
        assertThat(page.select("main a[href^=/admin], main a[href^=/indberetning]")).isEmpty();
        assertThat(page.select("nav a[href=/admin]")).isEmpty();

        assertThat(page(viewer, "/admin/beslutninger/" + ref + "/ny", 403).selectFirst("h1").text()).isEqualTo("Ingen adgang");
        assertThat(page(viewer, "/admin/beslutninger", 403).selectFirst("h1").text()).isEqualTo("Ingen adgang");
        Response posted = given().filter(viewer).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("body", "COMMITTEE", "date", "12.05.2026", "caseReference", "X"))
                .post("/admin/beslutninger/" + ref + "/" + id + "/godkendelse");
        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(json().get("/api/proposals/{ref}/decisions/{id}", ref, id).jsonPath().getList("approvals")).isEmpty();

        // the entry user of the administration may enter figures, but not decide
        Document entry = page(login(ENTRY, PASSWORD), "/forslag/" + ref, 200);
        assertThat(entry.select("main a[href^=/indberetning/" + ref + "]")).hasSize(1);
        assertThat(entry.select("main a[href^=/admin]")).isEmpty();
        assertThat(entry.select("form.approval")).isEmpty();

        // the admin sees both
        Document admin = page(admin(), "/forslag/" + ref, 200);
        assertThat(admin.select("main a[href=/admin/beslutninger/" + ref + "/ny]")).hasSize(1);
        assertThat(admin.select("form.approval")).hasSize(1);

        given().redirects().follow(false).get("/forslag/" + ref).then().statusCode(303);
        assertThat(page(viewer, "/forslag/INGEN-SAADAN", 404).text()).contains("Intet forslag har referencen INGEN-SAADAN");
    }

    @Test
    void the_decision_form_shows_the_plan_amounts_as_stored() {
        String ref = Bodies.reference("BUF");
        Map<String, Object> body = Bodies.investment(ref);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((java.util.List<Map<String, Object>>) body.get("plan")).get(0);
        first.put("investment", new java.math.BigDecimal("3000000.50"));
        created(body);
        Document form = page(admin(), "/admin/beslutninger/" + ref + "/ny", 200);
        assertThat(form.select("input[name=plan.0.investment]").val()).isEqualTo("3.000.000,50");
        assertThat(form.select("input[name=plan.1.investment]").val()).isEqualTo("1.000.000");
    }

    @Test
    void bad_decision_input_shows_danish_messages_and_stores_nothing() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        CookieFilter admin = admin();
        Document form = page(admin, "/admin/beslutninger/" + ref + "/ny", 200);

        Response typed = submit(admin, form, "form.decision", Map.of("type", "AMOUNT_DEVIATION", "description", " ",
                "effectiveYear", "snart", "newPlan", "ja", "plan.1.investment", "mange"));
        assertThat(typed.statusCode()).isEqualTo(422);
        Document shown = Jsoup.parse(typed.asString());
        assertThat(shown.select(".error").text()).contains("Beskriv beslutningen").contains("Skriv året, beslutningen virker fra")
                .contains("Skriv et beløb i kroner");
        assertThat(shown.select("input[name=plan.1.investment]").attr("aria-invalid")).isEqualTo("true");
        assertThat(shown.select("input[name=plan.1.investment]").val()).isEqualTo("mange");

        // the service's own rule: years before the effective year stay as they are
        Response past = submit(admin, form, "form.decision", Map.of("type", "AMOUNT_DEVIATION", "description", "Billigere",
                "effectiveYear", "2028", "newPlan", "ja", "plan.0.investment", "2.000.000"));
        assertThat(past.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(past.asString()).select("[role=alert]").text()).contains("Året 2026 ligger før ændringens virkningsår 2028");

        Response forged = submit(admin, form, "form.decision", Map.of("csrf-token", "forged", "type", "CANCELLATION", "description", "x",
                "effectiveYear", "2027"));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(json().get("/api/proposals/{ref}/decisions", ref).jsonPath().getList("$")).isEmpty();

        long id = json().body(Bodies.map("type", "CANCELLATION", "description", "Stoppes", "effectiveYear", 2027))
                .post("/api/proposals/{ref}/decisions", ref).then().statusCode(201).extract().jsonPath().getLong("id");
        Document proposal = page(admin, "/forslag/" + ref, 200);
        Response badDate = submit(admin, proposal, "form.approval", Map.of("date", "i morgen", "caseReference", ""));
        assertThat(badDate.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(badDate.asString()).text()).contains("Skriv datoen for godkendelsen").contains("Skriv sagsnummeret");
        assertThat(json().get("/api/proposals/{ref}/decisions/{id}", ref, id).jsonPath().getList("approvals")).isEmpty();
    }
}
