package dk.kk.gevinstspor.e2e;

import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.num;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import dk.kk.gevinstspor.admin.PriceIndexRepository;
import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The bad input of the figures form and the price index in Chromium: a year outside follow-up is the Danish 404 page
 * with a way back; every error of the form at once in a summary that has the focus and whose links move the focus to
 * their fields; a warning before leaving a changed form (not when submitting); an admin saving a partial price index
 * is warned first, and the report page then names every missing year with a link to the fix. Every page is checked
 * with axe-core; screenshots under {@code target/e2e/screenshots/}.
 */
@QuarkusTest
class FormAndPriceIndexBrowserTest {

    static final String PASSWORD = "browser-form-password-1";
    static final int YEAR = 2029; // last year in the test profile (today 2030-03-01)

    @TestHTTPResource("/")
    URL base;

    @Inject
    PriceIndexRepository priceIndices;

    private final List<String> accessibility = new ArrayList<>();

    /** An empty price index means factor 1 for every other test. */
    @AfterEach
    void emptyThePriceIndex() {
        QuarkusTransaction.requiringNew().run(() -> priceIndices.deleteAll());
    }

    @Test
    void an_entry_user_meets_a_closed_year_and_every_error_of_the_form_at_once() {
        String user = "browser.form." + Bodies.reference("X").substring(4);
        json().body(Bodies.map("username", user, "password", PASSWORD, "roles", List.of("entry"), "administrations", List.of("BUF")))
                .post("/api/users").then().statusCode(201);
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref)); // plan 2026-2029: 2029 plans service efficiency 2.000.000

        try (Chromium browser = new Chromium(base, "formular")) {
            signIn(browser, user, PASSWORD);

            // a year outside follow-up: the Danish 404 page, and the way back to the list
            browser.open("/indberetning/" + ref + "/1990");
            visited(browser, "aar-uden-for-opfoelgning");
            assertThat(browser.heading()).isEqualTo("Ikke fundet");
            assertThat(browser.textOf("main [role=alert]")).isEqualTo("Der indberettes ikke tal for " + ref + " for 1990. "
                    + "Tallene indberettes for 2026-2030.");
            browser.click("main a[href='/indberetning']");
            assertThat(browser.path()).startsWith("/indberetning");

            browser.open("/indberetning/" + ref + "/" + YEAR);
            visited(browser, "formular");
            assertThat(browser.findAll("#error-summary")).isEmpty();
            assertThat(leavingIsWarned(browser)).as("an unchanged form is left without a warning").isFalse();
            browser.type("#investment", "en million");
            assertThat(leavingIsWarned(browser)).as("a changed form warns before it is left").isTrue();

            // four errors at once: not a number, negative, a deviation without explanation, a milestone after the year
            browser.type("#operatingCost", "-5").type("#serviceEfficiency", "3.000.000").type("#milestone\\.M1", "2030")
                    .click("form.entry button[type=submit]");
            visited(browser, "formular-alle-fejl");
            assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).as("the summary has the focus")
                    .isEqualTo("error-summary");
            assertThat(browser.textOf("#error-summary h2")).isEqualTo("Der er et problem");
            List<String> links = browser.findAll("#error-summary a").stream().map(a -> a.getAttribute("href").replaceFirst("^[^#]*", ""))
                    .toList();
            assertThat(links).containsExactly("#investment", "#operatingCost", "#serviceEfficiency", "#milestone.M1", "#explanation");
            for (String link : links) {
                WebElement entry = browser.find("#error-summary a[href='" + link + "']");
                entry.click();
                WebElement focused = browser.driver().switchTo().activeElement();
                assertThat(focused.getAttribute("id")).as("clicking %s focuses its field", link).isEqualTo(link.substring(1));
                assertThat(focused.getAttribute("aria-invalid")).isEqualTo("true");
            }
            assertThat(browser.find("#investment").getAttribute("value")).isEqualTo("en million");
            assertThat(leavingIsWarned(browser)).as("what was typed is not stored: leaving warns").isTrue();
            json().get("/api/proposals/{ref}/actuals", ref).then().body("$", org.hamcrest.Matchers.empty());

            // fixed and explained: submitting is no leaving (no warning stops it), and the amount comes back as stored
            browser.type("#investment", "1.250.000,50").type("#operatingCost", "0").type("#milestone\\.M1", "2029")
                    .type("#explanation", "Flere sager end ventet.").click("form.entry button[type=submit]");
            visited(browser, "formular-gemt");
            assertThat(browser.textOf(".saved")).contains(ref);
            json().get("/api/proposals/{ref}/actuals", ref).then().body("[0].investment", num("1250000.5"));
            browser.open("/indberetning/" + ref + "/" + YEAR);
            assertThat(browser.find("#investment").getAttribute("value")).isEqualTo("1.250.000,50");
        }
        assertThat(accessibility).as("serious or critical WCAG 2.1 AA violations").isEmpty();
    }

    @Test
    void an_admin_saving_a_partial_price_index_is_warned_and_the_report_names_every_missing_year() {
        String ref = Bodies.reference("KFF");
        Map<String, Object> body = Bodies.investment(ref);
        body.put("priceLevelYear", 2016);
        created(body);

        try (Chromium admin = new Chromium(base, "prisindeks")) {
            signIn(admin, "admin", "admin-test-password");
            admin.open("/admin/prisindeks");
            visited(admin, "prisindeks");
            admin.type("#year", "2030").type("#index", "104,2").click("form.price-index button[type=submit]");
            visited(admin, "prisindeks-advarsel");
            List<String> warned = admin.findAll("#price-index-warning ul.years li").stream().map(WebElement::getText).toList();
            assertThat(warned).contains("2016").doesNotContain("2030");
            json().get("/api/price-index/2030").then().statusCode(404);

            admin.click("form.price-index-confirm button[type=submit]");
            visited(admin, "prisindeks-gemt");
            assertThat(admin.textOf(".saved")).contains("2030");
            json().get("/api/price-index/2030").then().statusCode(200).body("index", num("104.2"));
            List<String> missing = admin.findAll(".missing-price-index li").stream().map(WebElement::getText).toList();
            assertThat(missing).isEqualTo(warned);

            // the report names every year it lacks, each linking to the fix
            admin.open("/rapporter?rapport=majbidrag&aar=2030&udvalg=KFU");
            visited(admin, "rapport-mangler-pristal");
            List<WebElement> years = admin.findAll(".missing-price-index li a");
            assertThat(years).isNotEmpty();
            assertThat(years.stream().map(WebElement::getText)).contains("2016").allMatch(missing::contains);
            for (WebElement year : years) {
                assertThat(year.getAttribute("href")).endsWith("/admin/prisindeks?aar=" + year.getText());
            }
            admin.click(".missing-price-index li a[href='/admin/prisindeks?aar=2016']");
            visited(admin, "prisindeks-2016");
            assertThat(admin.find("#year").getAttribute("value")).isEqualTo("2016");
        }
        assertThat(accessibility).as("serious or critical WCAG 2.1 AA violations").isEmpty();
    }

    /** True when the page would warn before it is left: its beforeunload handler cancels the event. */
    private static boolean leavingIsWarned(Chromium browser) {
        return (Boolean) browser.driver().executeScript(
                "var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;");
    }

    private void signIn(Chromium browser, String username, String password) {
        browser.open("/login");
        browser.type("#j_username", username).type("#j_password", password).click("form.login button[type=submit]");
        assertThat(browser.path()).doesNotStartWith("/login");
    }

    /** Screenshot and accessibility check of the page the browser now shows. */
    private void visited(Chromium browser, String step) {
        browser.screenshot(step);
        Accessibility.seriousViolations(browser).forEach(v -> accessibility.add(browser.path() + ": " + v));
    }
}
