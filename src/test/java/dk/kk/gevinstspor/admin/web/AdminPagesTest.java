package dk.kk.gevinstspor.admin.web;

import static dk.kk.gevinstspor.common.web.Browser.login;
import static dk.kk.gevinstspor.common.web.Browser.page;
import static dk.kk.gevinstspor.common.web.Browser.submit;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.num;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.admin.FrameLimitRepository;
import dk.kk.gevinstspor.admin.PriceIndexRepository;
import dk.kk.gevinstspor.common.web.Browser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;

/**
 * The admins' settings and user pages. The database is shared, so the price index years (2050+) and frame limits
 * (2036) stored here are removed after each test: an empty price index means factor 1 for every other test.
 */
@QuarkusTest
class AdminPagesTest {

    static final String PASSWORD = "admin-pages-password";
    static final String VIEWER = "adminpages.viewer";
    static final String ENTRY = "adminpages.buf";

    @Inject
    PriceIndexRepository priceIndices;

    @Inject
    FrameLimitRepository frameLimits;

    @BeforeEach
    void users() {
        Browser.user(VIEWER, PASSWORD, "viewer", List.of());
        Browser.user(ENTRY, PASSWORD, "entry", List.of("BUF"));
    }

    @AfterEach
    void removeWhatTheTestStored() {
        QuarkusTransaction.requiringNew().run(() -> {
            priceIndices.delete("year >= ?1", 2050);
            frameLimits.delete("adoptionYear = ?1", 2036);
        });
    }

    static CookieFilter admin() {
        return login("admin", "admin-test-password");
    }

    @Test
    void the_price_index_is_added_and_changed_and_a_stale_change_is_refused_with_409() {
        CookieFilter admin = admin();
        Document empty = page(admin, "/admin/prisindeks", 200);
        Response added = confirmed(admin, submit(admin, empty, "form.price-index", Map.of("year", "2050", "index", "112,4")));
        assertThat(added.statusCode()).isEqualTo(303);
        json().get("/api/price-index/2050").then().statusCode(200).body("index", num("112.4"));
        Document list = page(admin, "/admin/prisindeks?gemt=2050", 200);
        assertThat(list.selectFirst(".saved").text()).contains("2050");
        assertThat(list.select("table.price-index td[data-value]").eachText()).contains("112,4");

        // the form is opened twice (two tabs); the first saves, the second is told to reload
        Document first = page(admin, "/admin/prisindeks?aar=2050", 200);
        Document second = page(admin, "/admin/prisindeks?aar=2050", 200);
        assertThat(first.select("input[name=index]").val()).isEqualTo("112,4");
        assertThat(first.select("input[name=version]").val()).isNotBlank();
        assertThat(confirmed(admin, submit(admin, first, "form.price-index", Map.of("index", "113,1"))).statusCode()).isEqualTo(303);
        Response stale = submit(admin, second, "form.price-index", Map.of("index", "114"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(stale.asString()).selectFirst("[role=alert]").text())
                .contains("er ændret af en anden").contains("Genindlæs");
        json().get("/api/price-index/2050").then().body("index", num("113.1"));

        Response bad = submit(admin, empty, "form.price-index", Map.of("year", "20x0", "index", "mange"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(bad.asString()).select("[role=alert]").text()).contains("Skriv året").contains("Skriv indekset");
        Response negative = submit(admin, empty, "form.price-index", Map.of("year", "2051", "index", "-3"));
        assertThat(negative.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(negative.asString()).select("[role=alert]").text()).contains("Indekset skal være større end 0");
        json().get("/api/price-index/2051").then().statusCode(404);
    }

    @Test
    void the_price_index_page_lists_the_years_the_portfolio_needs_and_marks_the_missing_ones() {
        // a proposal in 2017-P/L (no other test uses it); "today" is 2030-03-01, so 2031 is the newest meeting year offered
        String ref = dk.kk.gevinstspor.proposal.Bodies.reference("KFF");
        Map<String, Object> body = dk.kk.gevinstspor.proposal.Bodies.investment(ref);
        body.put("priceLevelYear", 2017);
        dk.kk.gevinstspor.proposal.Api.created(body);
        CookieFilter admin = admin();

        // empty table: every needed year is listed, none is missing (factor 1), and the page says what that means
        Document empty = page(admin, "/admin/prisindeks", 200);
        assertThat(row(empty, 2017).text()).contains("Prisniveau for 1 forslag").contains("Ikke angivet").contains("Tilføj");
        assertThat(row(empty, 2031).text()).contains("Mødeår for rapporterne");
        assertThat(empty.select("table.price-index tbody th[scope=row]").eachText()).doesNotContain("2032");
        assertThat(empty.select(".missing-price-index")).isEmpty();
        assertThat(empty.select("tr.missing")).isEmpty();
        assertThat(empty.selectFirst(".note").text()).contains("forslagenes egne prisniveauer");

        // one year stored: every other needed year is missing, listed at the top and marked in the table
        json().body(Map.of("index", 100)).put("/api/price-index/2050").then().statusCode(200);
        Document some = page(admin, "/admin/prisindeks", 200);
        assertThat(row(some, 2017).hasClass("missing")).isTrue();
        assertThat(row(some, 2017).selectFirst("td.status").text()).isEqualTo("Mangler");
        assertThat(row(some, 2031).hasClass("missing")).isTrue();
        assertThat(row(some, 2050).hasClass("missing")).isFalse();
        assertThat(row(some, 2050).text()).contains("Bruges ikke").contains("Angivet").contains("100");
        List<String> listed = some.select(".missing-price-index li").eachText();
        assertThat(listed).contains("2017", "2031").doesNotContain("2050");
        assertThat(listed).isEqualTo(some.select("table.price-index tr.missing th[scope=row]").eachText());
        assertThat(some.select(".missing-price-index a[href=/admin/prisindeks?aar=2017]")).hasSize(1);
        assertThat(some.select(".note")).isEmpty();
    }

    @Test
    void a_save_that_leaves_a_needed_year_missing_is_warned_first_and_stored_when_confirmed() {
        String ref = dk.kk.gevinstspor.proposal.Bodies.reference("KFF");
        Map<String, Object> body = dk.kk.gevinstspor.proposal.Bodies.investment(ref);
        body.put("priceLevelYear", 2018);
        dk.kk.gevinstspor.proposal.Api.created(body);
        CookieFilter admin = admin();
        Document page = page(admin, "/admin/prisindeks", 200);
        List<String> needed = page.select("table.price-index tbody tr").stream().filter(tr -> !tr.text().contains("Bruges ikke"))
                .map(tr -> tr.selectFirst("th").text()).toList();
        assertThat(needed).contains("2018", "2031");

        Response warned = submit(admin, page, "form.price-index", Map.of("year", "2050", "index", "100"));
        assertThat(warned.statusCode()).isEqualTo(200);
        Document warning = Jsoup.parse(warned.asString());
        org.jsoup.nodes.Element box = warning.selectFirst("#price-index-warning");
        assertThat(box.attr("role")).isEqualTo("alert");
        assertThat(box.text()).contains("Gemmer du pristallet for 2050, mangler pristallet stadig for disse " + needed.size() + " år");
        assertThat(box.select("ul.years li").eachText()).isEqualTo(needed);
        assertThat(box.select("ul.years a[href=/admin/prisindeks?aar=2018]")).hasSize(1);
        assertThat(box.selectFirst("form.price-index-confirm button").text()).isEqualTo("Gem alligevel");
        assertThat(warning.selectFirst("form.price-index input[name=index]").val()).isEqualTo("100");
        json().get("/api/price-index/2050").then().statusCode(404);

        Response saved = submit(admin, warning, "form.price-index-confirm", Map.of());
        assertThat(saved.statusCode()).isEqualTo(303);
        json().get("/api/price-index/2050").then().statusCode(200).body("index", num(100));

        // a save that leaves nothing missing is stored at once
        String last = null;
        for (String year : needed) {
            if (last != null) {
                json().body(Map.of("index", 100)).put("/api/price-index/" + last).then().statusCode(200);
            }
            last = year;
        }
        try {
            Response complete = submit(admin, page(admin, "/admin/prisindeks", 200), "form.price-index", Map.of("year", last, "index", "100"));
            assertThat(complete.statusCode()).as(complete.asString()).isEqualTo(303);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> needed.forEach(y -> priceIndices.deleteById(Integer.valueOf(y))));
        }
    }

    /** The answer after "Gem alligevel" when the page warned first (a save that leaves needed years missing). */
    static Response confirmed(CookieFilter cookies, Response answer) {
        if (answer.statusCode() != 200) {
            return answer;
        }
        Document warning = Jsoup.parse(answer.asString());
        assertThat(warning.select("#price-index-warning")).as("the warning").hasSize(1);
        return submit(cookies, warning, "form.price-index-confirm", Map.of());
    }

    static org.jsoup.nodes.Element row(Document page, int year) {
        return page.select("table.price-index tbody tr").stream().filter(tr -> tr.selectFirst("th").text().equals(Integer.toString(year)))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + year));
    }

    @Test
    void the_frame_limits_of_a_year_are_shown_with_the_defaults_and_stored() {
        CookieFilter admin = admin();
        Document form = page(admin, "/admin/rammer?aar=2036", 200);
        assertThat(form.selectFirst("h1").text()).isEqualTo("Innovationspuljens rammer 2036");
        assertThat(form.select("form.frames label").eachText()).contains("Budgettet", "I alt");
        Response saved = submit(admin, form, "form.frames", Map.of("BUDGET", "12.500.000"));
        assertThat(saved.statusCode()).isEqualTo(303);
        json().get("/api/innovation-frames/2036/limits").then().statusCode(200).body("BUDGET", num(12_500_000));
        assertThat(page(admin, "/admin/rammer?aar=2036&gemt=ja", 200).select("input[name=BUDGET]").val()).isEqualTo("12.500.000");

        Response bad = submit(admin, form, "form.frames", Map.of("TOTAL", "mange penge"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(bad.asString()).select("[role=alert]").text()).contains("I alt: skriv et beløb i kroner");
    }

    @Test
    void users_are_created_with_danish_messages_for_what_is_wrong() {
        CookieFilter admin = admin();
        String name = "side." + UUID.randomUUID().toString().substring(0, 8);
        Document form = page(admin, "/admin/brugere", 200);
        assertThat(form.select("table.users th").eachText()).contains("admin");
        Response created = submit(admin, form, "form.user", Map.of("username", name, "password", "lang-nok-kode-1", "role", "entry",
                "administrations", "BUF"));
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(page(admin, "/admin/brugere?gemt=" + name, 200).select("table.users tr").stream()
                .filter(r -> r.text().startsWith(name)).findFirst().orElseThrow().text()).contains("Indberetter").contains("BUF");
        login(name, "lang-nok-kode-1");

        Response again = submit(admin, form, "form.user", Map.of("username", name, "password", "lang-nok-kode-1", "role", "viewer"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(again.asString()).selectFirst("[role=alert]").text()).contains("findes allerede");

        Response wrong = submit(admin, form, "form.user", Map.of("username", "Ny Bruger", "password", "", "role", "entry"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(wrong.asString()).select("[role=alert]").text()).contains("Brugernavnet skal have").contains("adgangskode");
        Response entryWithout = submit(admin, form, "form.user", Map.of("username", name + "x", "password", "kort", "role", "entry"));
        assertThat(entryWithout.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(entryWithout.asString()).select("[role=alert]").text())
                .contains("En indberetter skal høre til mindst én forvaltning").contains("mindst 12 tegn");
    }

    @Test
    void only_admins_reach_the_administration_pages() {
        for (String user : List.of(VIEWER, ENTRY)) {
            CookieFilter cookies = login(user, PASSWORD);
            for (String path : List.of("/admin", "/admin/prisindeks", "/admin/rammer", "/admin/brugere")) {
                assertThat(page(cookies, path, 403).selectFirst("h1").text()).as(user + " " + path).isEqualTo("Ingen adgang");
            }
            Response posted = given().filter(cookies).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .formParams(Map.of("year", "2052", "index", "100")).post("/admin/prisindeks");
            assertThat(posted.statusCode()).as(user).isEqualTo(403);
        }
        json().get("/api/price-index/2052").then().statusCode(404);
        given().redirects().follow(false).get("/admin/brugere").then().statusCode(303);
        Document index = page(admin(), "/admin", 200);
        assertThat(index.select("main a").eachAttr("href")).containsExactly("/admin/beslutninger", "/admin/prisindeks", "/admin/rammer",
                "/admin/brugere", "/admin/indstillinger", "/admin/beregningsfejl");
    }
}
