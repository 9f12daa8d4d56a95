package dk.kk.gevinstspor.e2e;

import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.putActuals;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The proposal page's history and evaluation as a reader meets them in Chromium: the history in Danish, newest first
 * (an approved decision above the corrected figures), and a pre-analysis without a payback line; each page checked
 * with axe-core, screenshots under {@code target/e2e/screenshots/}.
 */
@QuarkusTest
class ProposalHistoryBrowserTest {

    @TestHTTPResource("/")
    URL base;

    private final List<String> accessibility = new ArrayList<>();

    @Test
    void the_history_reads_in_danish_newest_first_and_a_pre_analysis_has_no_payback_line() {
        String ref = Bodies.reference("BUF");
        Map<String, Object> body = Bodies.investment(ref);
        created(body);
        Map<String, Object> first = Bodies.actuals(2026, 1_000_000, 0, 0, 0, 0);
        first.put("explanation", "Forsinket udbud");
        putActuals(ref, 2026, first).statusCode(200);
        Map<String, Object> corrected = Bodies.actuals(2026, new BigDecimal("1250000.50"), 0, 0, 0, 0);
        corrected.put("explanation", "Udbuddet blev dyrere");
        corrected.put("version", 0);
        putActuals(ref, 2026, corrected).statusCode(200);
        long id = json().body(Bodies.map("type", "CANCELLATION", "description", "Løsningen erstattes af en fælles løsning",
                "effectiveYear", 2028)).post("/api/proposals/{ref}/decisions", ref).then().statusCode(201).extract().jsonPath().getLong("id");
        String[][] approvals = { { "COMMITTEE", "2027-03-01", "BUU-2027-12" }, { "FINANCE_COMMITTEE", "2027-03-15", "ØU-2027-40" },
                { "CITY_COUNCIL", "2027-04-01", "BR-2027-77" } };
        for (String[] a : approvals) {
            json().body(Bodies.map("date", a[1], "caseReference", a[2]))
                    .put("/api/proposals/{ref}/decisions/{id}/approvals/{body}", ref, id, a[0]).then().statusCode(200);
        }
        String preAnalysis = Bodies.reference("SOF");
        created(Bodies.preAnalysisWithLoan(preAnalysis));

        try (Chromium browser = new Chromium(base, "forslag-historik")) {
            browser.open("/login");
            browser.type("#j_username", "admin").type("#j_password", "admin-test-password").click("form.login button[type=submit]");
            browser.open("/forslag/" + ref + "?aar=2027");
            visited(browser, "forslag");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("document.getElementById('historik').scrollIntoView()");
            browser.screenshot("historik");
            List<String> rows = browser.findAll("#historik tbody tr").stream().map(r -> r.getText()).toList();
            int cancelled = indexOf(rows, "Status: Vedtaget → Annulleret");
            assertThat(cancelled).as("the approval's save is the newest").isLessThan(3);
            assertThat(indexOf(rows, "Status: Afventer godkendelse → Godkendt")).isLessThan(3);
            assertThat(indexOf(rows, "1.000.000 → 1.250.000,50")).isGreaterThan(cancelled);
            assertThat(String.join("\n", rows)).contains("Godkendelse: Borgerrepræsentationen (beslutning nr. " + id + ")")
                    .contains("Implementeringsomkostninger (investering): 1.000.000 → 1.250.000,50")
                    .contains("Dato: 01.04.2027").doesNotContain("CANCELLATION", "CITY_COUNCIL", "APPROVED", "2027-04-01");
            assertThat(browser.textOf("#vurdering")).contains("Tilbagebetalingstid");

            browser.open("/forslag/" + preAnalysis + "?aar=2023");
            visited(browser, "foranalyse");
            assertThat(browser.textOf("#vurdering")).doesNotContain("Tilbagebetalingstid").doesNotContain("aldrig");
        }
        assertThat(accessibility).as("serious or critical WCAG 2.1 AA violations").isEmpty();
    }

    private static int indexOf(List<String> rows, String text) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("No history row with " + text + ": " + rows);
    }

    private void visited(Chromium browser, String step) {
        browser.screenshot(step);
        Accessibility.seriousViolations(browser).forEach(v -> accessibility.add(browser.path() + ": " + v));
    }
}
