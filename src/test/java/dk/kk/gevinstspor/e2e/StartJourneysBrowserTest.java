package dk.kk.gevinstspor.e2e;

import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import dk.kk.gevinstspor.common.web.Browser;
import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The start page and the navigation in Chromium, one journey per role: an entry user signs in from /indberetning and
 * lands back there, reads the figures due and the deadline on the start page and opens a form from it (skip link and
 * breadcrumbs by keyboard and click); a viewer reads the headline figures, is never offered the entry and meets the
 * 403 and 404 pages with the menu; an admin reads what awaits and sets the deadline on the settings page (one error
 * first). Every page visited is checked with axe-core; screenshots in {@code target/e2e/screenshots/start-*}.
 */
@QuarkusTest
class StartJourneysBrowserTest {

    static final String PASSWORD = "start-browser-1";
    static final int YEAR = 2029; // last year in the test profile (today 2030-03-01)

    @TestHTTPResource("/")
    URL base;

    private final List<String> accessibility = new ArrayList<>();

    @AfterEach
    void deadlineBackToTheDefault() {
        json().body(Map.of("day", 1, "month", 3)).put("/api/settings/entry-deadline").then().statusCode(200);
    }

    @Test
    void an_entry_user_signs_in_from_the_entry_list_and_finds_the_figures_due_on_the_start_page() {
        Browser.user("start.browser.buf", PASSWORD, "entry", List.of("BUF"));
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));

        try (Chromium browser = new Chromium(base, "start-entry")) {
            browser.open("/indberetning?aar=" + YEAR);
            assertThat(browser.path()).isEqualTo("/login?til=%2Findberetning%3Faar%3D" + YEAR);
            visited(browser, "login-med-retur");
            browser.type("#j_username", "start.browser.buf").type("#j_password", PASSWORD).click("form.login button[type=submit]");
            assertThat(browser.path()).isEqualTo("/indberetning?aar=" + YEAR);
            visited(browser, "tilbage-paa-indberetning");

            browser.click("nav[aria-label=Hovedmenu] a[href='/']");
            visited(browser, "forside");
            assertThat(browser.textOf("section.start-entry h2")).isEqualTo("Indberetning " + YEAR);
            assertThat(browser.textOf("section.start-entry .deadline")).contains("1. marts 2030");
            assertThat(browser.find("nav[aria-label=Hovedmenu] a[href='/']").getAttribute("aria-current")).isEqualTo("page");

            // the skip link is the first stop of the keyboard and moves to the content
            browser.find("body").sendKeys(Keys.TAB);
            WebElement skip = browser.driver().switchTo().activeElement();
            assertThat(skip.getText()).isEqualTo("Gå til indhold");
            browser.screenshot("skip-link");
            skip.sendKeys(Keys.ENTER);
            assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("indhold");

            // the table shows the first 15 open proposals of BUF (other tests add theirs): open the first one
            List<WebElement> due = browser.findAll("section.start-entry table.due td.reference a");
            assertThat(due).as("the proposal just created is due, so the table has a row").isNotEmpty();
            String first = due.get(0).getText();
            assertThat(due.get(0).getAttribute("href")).endsWith("/indberetning/" + first + "/" + YEAR);
            due.get(0).click();
            visited(browser, "formular");
            assertThat(browser.findAll("nav[aria-label='Brødkrumme'] li").stream().map(WebElement::getText).toList())
                    .containsExactly("Forside", "Indberetning " + YEAR, first + " " + YEAR);
            browser.click("nav[aria-label='Brødkrumme'] a[href='/indberetning?aar=" + YEAR + "']");
            assertThat(browser.heading()).isEqualTo("Indberetning " + YEAR);
        }
        assertThat(accessibility).as("serious or critical WCAG 2.1 AA violations").isEmpty();
    }

    @Test
    void a_viewer_reads_the_headline_figures_and_meets_the_403_and_404_pages_with_the_menu() {
        Browser.user("start.browser.viewer", PASSWORD, "viewer", List.of());
        String ref = Bodies.reference("SOF");
        created(Bodies.investment(ref));
        json().post("/api/admin/snapshots/rebuild").then().statusCode(200);

        try (Chromium browser = new Chromium(base, "start-viewer")) {
            signIn(browser, "start.browser.viewer");
            visited(browser, "forside");
            assertThat(browser.textOf("section.headline h3")).isEqualTo("Regnskabsåret " + YEAR + " i tal");
            assertThat(browser.textOf("section.headline")).contains("Grøn").contains("Gul").contains("Rød").contains("Mangler");
            assertThat(browser.findAll("a[href^='/indberetning']")).as("a viewer is never offered the entry").isEmpty();

            browser.open("/indberetning");
            visited(browser, "403");
            assertThat(browser.heading()).isEqualTo("Ingen adgang");
            assertThat(browser.findAll("nav[aria-label=Hovedmenu] a[href='/rapporter']")).hasSize(1);

            browser.open("/findes-ikke");
            visited(browser, "404");
            assertThat(browser.heading()).isEqualTo("Ikke fundet");
            browser.click("main a[href='/']");
            assertThat(browser.path()).isEqualTo("/");
            browser.click("section.start-reports a[href='/rapporter?rapport=it-kredsen&aar=2030']");
            visited(browser, "it-kredsen");
            assertThat(browser.find("nav[aria-label=Hovedmenu] a[href='/rapporter']").getAttribute("aria-current")).isEqualTo("page");
        }
        assertThat(accessibility).as("serious or critical WCAG 2.1 AA violations").isEmpty();
    }

    @Test
    void an_admin_reads_what_awaits_and_sets_the_deadline() {
        String pending = Bodies.reference("SUF");
        created(Bodies.investment(pending));
        json().body(Bodies.map("type", "CANCELLATION", "description", "Opgives", "effectiveYear", 2030))
                .post("/api/proposals/" + pending + "/decisions").then().statusCode(201);
        json().post("/api/admin/snapshots/rebuild").then().statusCode(200);

        try (Chromium browser = new Chromium(base, "start-admin")) {
            signIn(browser, "admin", "admin-test-password");
            visited(browser, "forside");
            assertThat(browser.textOf("section.start-admin h2")).isEqualTo("Til behandling");
            assertThat(browser.findAll(".pending-decisions a[href^='/forslag/" + pending + "#beslutning-']")).hasSize(1);
            assertThat(browser.findAll("footer.admin-footer a[href='/q/swagger-ui']")).hasSize(1);

            browser.click(".admin-links a[href='/admin/indstillinger']");
            visited(browser, "indstillinger");
            browser.type("#day", "31");
            new org.openqa.selenium.support.ui.Select(browser.find("#month")).selectByVisibleText("april");
            browser.click("form.entry-deadline button[type=submit]");
            visited(browser, "indstillinger-fejl");
            assertThat(browser.textOf(".error-summary")).contains("Den 31. april findes ikke");
            browser.type("#day", "15");
            new org.openqa.selenium.support.ui.Select(browser.find("#month")).selectByVisibleText("februar");
            browser.click("form.entry-deadline button[type=submit]");
            visited(browser, "indstillinger-gemt");
            assertThat(browser.textOf(".saved")).contains("15. februar");
            assertThat(browser.findAll("nav[aria-label='Brødkrumme'] li").stream().map(WebElement::getText).toList())
                    .containsExactly("Forside", "Administration", "Indstillinger");
        }
        json().get("/api/settings/entry-deadline").then().statusCode(200);
        assertThat(accessibility).as("serious or critical WCAG 2.1 AA violations").isEmpty();
    }

    private void signIn(Chromium browser, String username) {
        signIn(browser, username, PASSWORD);
    }

    private void signIn(Chromium browser, String username, String password) {
        browser.open("/login");
        browser.type("#j_username", username).type("#j_password", password).click("form.login button[type=submit]");
        assertThat(browser.path()).isEqualTo("/");
    }

    private void visited(Chromium browser, String step) {
        browser.screenshot(step);
        Accessibility.seriousViolations(browser).forEach(v -> accessibility.add(browser.path() + ": " + v));
    }
}
