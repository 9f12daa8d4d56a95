package dk.kk.gevinstspor.e2e;

import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.num;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A committee's entry user the way they meet the service: Debian's Chromium signs in, enters a year's figures
 * (one deliberate error first), uploads a file (one error first), reads the majbidrag, downloads it as Excel and
 * signs out; a user of another administration gets the 403 page on the same form. Every page visited is checked
 * with axe-core (no serious or critical WCAG 2.1 AA violation); screenshots under {@code target/e2e/screenshots/}.
 */
@QuarkusTest
class EntryJourneyBrowserTest {

    static final String PASSWORD = "browser-password-1";
    static final int YEAR = 2029; // last year in the test profile (today 2030-03-01)

    @TestHTTPResource("/")
    URL base;

    private final List<String> accessibility = new ArrayList<>();

    @Test
    void an_entry_user_enters_uploads_reads_the_majbidrag_and_signs_out() throws IOException {
        String buf = user("BUF");
        String sof = user("SOF");
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        String other = Bodies.reference("BUF");
        created(Bodies.investment(other));

        try (Chromium browser = new Chromium(base, "entry")) {
            signIn(browser, buf);

            browser.click("nav a[href='/indberetning']");
            visited(browser, "indberetning");
            assertThat(browser.heading()).isEqualTo("Indberetning " + YEAR);
            browser.click("a[href='/indberetning/" + ref + "/" + YEAR + "']");
            visited(browser, "formular");
            assertThat(browser.heading()).startsWith(ref);

            // one deliberate error: the Danish message is shown beside the field and nothing is stored
            browser.type("#serviceEfficiency", "to millioner").click("form.entry button[type=submit]");
            visited(browser, "formular-fejl");
            assertThat(browser.textOf("#serviceEfficiency-error")).isEqualTo("Skriv et beløb i kroner, fx 1.234.567,50");
            assertThat(browser.find("#serviceEfficiency").getAttribute("aria-invalid")).isEqualTo("true");
            json().get("/api/proposals/{ref}/actuals", ref).then().body("$", org.hamcrest.Matchers.empty());

            browser.type("#serviceEfficiency", "2.000.000").click("form.entry button[type=submit]");
            visited(browser, "formular-gemt");
            assertThat(browser.textOf(".saved")).contains(ref);
            stored(ref);

            // a file with an error: the dry run lists it, nothing is stored; the fixed file is checked, then stored
            browser.click("nav a[href='/indberetning/upload']");
            visited(browser, "upload");
            browser.find("#file").sendKeys(csv("fejl.csv", other, "tre").toString());
            browser.click("form[enctype='multipart/form-data'] button[type=submit]");
            visited(browser, "upload-fejl");
            assertThat(browser.textOf("table.errors tbody tr")).contains("2").contains("investment").contains("Ikke et beløb");
            browser.find("#file").sendKeys(csv("rettet.csv", other, "0").toString());
            browser.click("form[enctype='multipart/form-data'] button[type=submit]");
            visited(browser, "upload-kontrol");
            assertThat(browser.text()).contains("1 nye").contains("Intet er gemt endnu");
            json().get("/api/proposals/{ref}/actuals", other).then().body("$", org.hamcrest.Matchers.empty());
            browser.click("form[action='/indberetning/upload/bekraeft'] button[type=submit]");
            visited(browser, "upload-gemt");
            assertThat(browser.textOf(".saved")).contains("1 nye");
            stored(other);

            // the committee's majbidrag shows the new figures; it downloads as Excel
            browser.click("nav a[href='/rapporter']");
            visited(browser, "rapporter");
            new Select(browser.find("#rapport")).selectByValue("majbidrag");
            new Select(browser.find("#aar")).selectByValue(Integer.toString(YEAR + 1));
            new Select(browser.find("#udvalg")).selectByValue("BUU");
            browser.click("form.filters button[type=submit]");
            visited(browser, "majbidrag");
            assertThat(browser.heading()).isEqualTo("Opfølgning på investerings- og innovationsforslag — Majbidrag " + (YEAR + 1)
                    + ", Børne- og Ungdomsudvalget");
            for (String reference : List.of(ref, other)) {
                WebElement row = browser.find("table.report tbody tr:has(a[href='/forslag/" + reference + "'])");
                assertThat(row.findElements(By.cssSelector("td[data-value]")).stream()
                        .map(td -> new BigDecimal(td.getAttribute("data-value"))).filter(v -> v.compareTo(new BigDecimal(2_000_000)) == 0))
                        .as("the row of %s holds its actual gain", reference).isNotEmpty();
            }
            browser.find("p.downloads a[href$='format=xlsx']").click();
            Path xlsx = browser.downloaded(".xlsx");
            assertThat(Files.readAllBytes(xlsx)).as("a zip: XLSX").startsWith((byte) 'P', (byte) 'K', (byte) 3, (byte) 4);

            // sign out: the pages ask for the login again
            browser.click("nav form[action='/logout'] button");
            visited(browser, "logget-ud");
            browser.open("/indberetning");
            assertThat(browser.path()).startsWith("/login");
        }

        try (Chromium browser = new Chromium(base, "anden-forvaltning")) {
            signIn(browser, sof);
            browser.open("/indberetning/" + ref + "/" + YEAR);
            visited(browser, "403");
            assertThat(browser.heading()).contains("Ingen adgang");
        }
        assertThat(accessibility).as("serious or critical WCAG 2.1 AA violations").isEmpty();
    }

    /** The proposal's stored figures for {@link #YEAR} are the plan's service efficiency, as typed. */
    private static void stored(String reference) {
        json().get("/api/proposals/{ref}/actuals", reference).then().body("find { it.year == " + YEAR + " }.serviceEfficiency",
                num(2_000_000));
    }

    private void signIn(Chromium browser, String username) {
        browser.open("/login");
        visited(browser, "login");
        browser.type("#j_username", username).type("#j_password", PASSWORD).click("form.login button[type=submit]");
        assertThat(browser.path()).doesNotStartWith("/login");
        visited(browser, "logget-ind");
    }

    /** Screenshot and accessibility check of the page the browser now shows. */
    private void visited(Chromium browser, String step) {
        browser.screenshot(step);
        Accessibility.seriousViolations(browser).forEach(v -> accessibility.add(browser.path() + ": " + v));
    }

    /** An entry user of the administration (created through the API by the admin). */
    private static String user(String administration) {
        String username = "browser." + administration.toLowerCase() + "." + Bodies.reference("X").substring(4);
        json().body(Bodies.map("username", username, "password", PASSWORD, "roles", List.of("entry"),
                "administrations", List.of(administration))).post("/api/users").then().statusCode(201);
        return username;
    }

    /** A Danish Excel CSV with one row for {@link #YEAR}: plan figures, investment as given. */
    private static Path csv(String name, String reference, String investment) throws IOException {
        Path file = Chromium.FOLDER.resolve("files").resolve(name).toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.writeString(file, "reference;year;investment;operationFunding;operatingCost;serviceEfficiency;transferEffect\n"
                + reference + ";" + YEAR + ";" + investment + ";0;0;2.000.000;0\n", StandardCharsets.UTF_8);
        return file;
    }
}
