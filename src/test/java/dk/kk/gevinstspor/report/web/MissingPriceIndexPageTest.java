package dk.kk.gevinstspor.report.web;

import static dk.kk.gevinstspor.common.web.Browser.login;
import static dk.kk.gevinstspor.common.web.Browser.page;
import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Bodies.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.admin.PriceIndexRepository;
import dk.kk.gevinstspor.common.web.Browser;
import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;

/**
 * DOMAIN.md Edges 10 on the report pages: a report refused for missing price index years lists the same years as the
 * API's 422, with links to the index page for an admin and "kontakt en administrator" for everyone else. The index year
 * stored here is removed afterwards (an empty index is factor 1 for every other test).
 */
@QuarkusTest
class MissingPriceIndexPageTest {

    static final String PASSWORD = "missing-index-password";
    static final String VIEWER = "missingindex.viewer";
    static final String REPORT = "/rapporter?rapport=majbidrag&aar=2028&udvalg=BIU";
    static final String API = "/api/reports/majbidrag/2028?committee=BIU";

    @Inject
    PriceIndexRepository priceIndices;

    @AfterEach
    void emptyTheIndexAgain() {
        QuarkusTransaction.requiringNew().run(() -> priceIndices.delete("year = ?1", 2026));
    }

    @Test
    void the_page_lists_every_missing_year_with_links_for_admins_and_kontakt_en_administrator_for_others() {
        Browser.user(VIEWER, PASSWORD, "viewer", List.of());
        String ref = Bodies.reference("BIF");
        Map<String, Object> body = Bodies.investment(ref);
        body.put("priceLevelYear", 2023); // with the meeting year 2028, at least two years are missing
        created(body);
        json().body(map("index", 100)).put("/api/price-index/2026").then().statusCode(200);

        List<String> fields = json().get(API).then().statusCode(422).extract().jsonPath().getList("errors.field");
        List<String> missing = fields.stream().map(f -> f.substring("priceIndex.".length())).toList();
        assertThat(missing).contains("2023", "2028").doesNotContain("2026");

        // an admin: the same years, each linked to its form on the index page, and the index page itself
        CookieFilter admin = login("admin", "admin-test-password");
        Document adminPage = page(admin, REPORT, 422);
        Element adminList = adminPage.selectFirst(".missing-price-index");
        assertThat(adminList.attr("role")).isEqualTo("alert");
        assertThat(adminList.select("li").eachText()).containsExactlyElementsOf(missing);
        assertThat(adminList.select("li a").eachAttr("href")).containsExactlyElementsOf(
                missing.stream().map(y -> "/admin/prisindeks?aar=" + y).toList());
        assertThat(adminList.select("a[href=/admin/prisindeks]")).hasSize(1);
        assertThat(adminList.text()).doesNotContain("kontakt en administrator");
        assertThat(adminPage.select("table.report")).as("no half report").isEmpty();

        // a viewer: the same years, no link to a page they may not open, and whom to ask
        Document viewerPage = page(login(VIEWER, PASSWORD), REPORT, 422);
        Element viewerList = viewerPage.selectFirst(".missing-price-index");
        assertThat(viewerList.select("li").eachText()).containsExactlyElementsOf(missing);
        assertThat(viewerList.select("a")).isEmpty();
        assertThat(viewerList.text()).contains("kontakt en administrator");
        assertThat(viewerPage.select("select#rapport option[selected]").val()).as("the picker keeps the choice").isEqualTo("majbidrag");

        // the API's ?format=html gives the same list
        Document apiPage = Jsoup.parse(json().get(API + "&format=html").then().statusCode(422)
                .contentType("text/html;charset=UTF-8").extract().asString());
        assertThat(apiPage.select(".missing-price-index li").eachText()).containsExactlyElementsOf(missing);
    }
}
