package dk.kk.gevinstspor.e2e;

import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Someone who has never seen Gevinstspor finds a proposal by a word of its title and opens its page in three clicks
 * from {@code /}: the menu's "Forslag", the search, the reference. Then narrows the list with a filter and sorts it by a
 * column heading. Every page visited is checked with axe-core; screenshots under {@code target/e2e/screenshots/forslag-*}.
 */
@QuarkusTest
class ProposalSearchBrowserTest {

    static final String PASSWORD = "browser-search-password";

    @TestHTTPResource("/")
    URL base;

    private final List<String> accessibility = new ArrayList<>();

    @Test
    void a_viewer_finds_a_proposal_by_a_word_of_its_title_and_opens_its_page() {
        String viewer = "browser.search." + Bodies.reference("X").substring(4).toLowerCase();
        json().body(Bodies.map("username", viewer, "password", PASSWORD, "roles", List.of("viewer"), "administrations", List.of()))
                .post("/api/users").then().statusCode(201);
        String word = Bodies.word();
        String ref = Bodies.reference("SOF");
        Map<String, Object> wanted = Bodies.investment(ref);
        wanted.put("title", "Velfærdsteknologi " + word + " på plejecentre");
        created(wanted);
        String other = Bodies.reference("KFF");
        Map<String, Object> second = Bodies.investment(other);
        second.put("title", "Biblioteker " + word + " med selvbetjening");
        second.put("digital", false);
        created(second);
        json().post("/api/admin/snapshots/rebuild").then().statusCode(200); // the status column (the job is off in tests)

        try (Chromium browser = new Chromium(base, "forslag")) {
            browser.open("/login");
            browser.type("#j_username", viewer).type("#j_password", PASSWORD).click("form.login button[type=submit]");
            assertThat(browser.path()).isEqualTo("/");
            visited(browser, "forside");

            // 1: the menu's "Forslag", there for every role
            browser.click("nav[aria-label=Hovedmenu] a[href='/forslag']");
            visited(browser, "liste");
            assertThat(browser.heading()).isEqualTo("Forslag");

            // 2: a word of the title, typed in another case
            browser.type("#q", word.toLowerCase()).click("form.proposal-search button[type=submit]");
            visited(browser, "soegning");
            assertThat(browser.path()).startsWith("/forslag?q=" + word.toLowerCase());
            assertThat(browser.textOf(".result-count")).isEqualTo("2 forslag matcher");
            assertThat(browser.findAll("table.proposal-list td.reference a").stream().map(a -> a.getText()).toList())
                    .containsExactly(other, ref);
            assertThat(browser.textOf("table.proposal-list td.status")).isEqualTo("Mangler");

            // a filter narrows it, and the form keeps the search
            new Select(browser.find("#digital")).selectByValue("ja");
            browser.click("form.proposal-search button[type=submit]");
            visited(browser, "filter");
            assertThat(browser.find("#q").getAttribute("value")).isEqualTo(word.toLowerCase());
            assertThat(browser.findAll("table.proposal-list td.reference a").stream().map(a -> a.getText()).toList())
                    .containsExactly(ref);
            new Select(browser.find("#digital")).selectByValue("");
            browser.click("form.proposal-search button[type=submit]");

            // sorting by title: Velfærdsteknologi after Biblioteker, then the other way
            browser.click("table.proposal-list th a[href*='sort=titel']");
            assertThat(browser.find("table.proposal-list th[aria-sort]").getAttribute("aria-sort")).isEqualTo("ascending");
            assertThat(browser.textOf("table.proposal-list tbody tr")).startsWith(other);
            browser.click("table.proposal-list th[aria-sort] a");
            visited(browser, "sorteret");
            assertThat(browser.find("table.proposal-list th[aria-sort]").getAttribute("aria-sort")).isEqualTo("descending");
            assertThat(browser.textOf("table.proposal-list tbody tr")).startsWith(ref);

            // 3: the reference opens the proposal's page
            browser.click("table.proposal-list td.reference a[href='/forslag/" + ref + "']");
            visited(browser, "forslaget");
            assertThat(browser.path()).isEqualTo("/forslag/" + ref);
            assertThat(browser.heading()).isEqualTo(ref + ": Velfærdsteknologi " + word + " på plejecentre");

            // nothing matching says so
            browser.open("/forslag?q=" + word + "+ingenting");
            visited(browser, "ingen");
            assertThat(browser.textOf(".result-count")).startsWith("Ingen forslag matcher");
        }
        assertThat(accessibility).as("serious or critical WCAG 2.1 AA violations").isEmpty();
    }

    /** Screenshot and accessibility check of the page the browser now shows. */
    private void visited(Chromium browser, String step) {
        browser.screenshot(step);
        Accessibility.seriousViolations(browser).forEach(v -> accessibility.add(browser.path() + ": " + v));
    }
}
