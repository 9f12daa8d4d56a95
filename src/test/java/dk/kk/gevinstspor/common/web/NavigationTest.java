package dk.kk.gevinstspor.common.web;

import static dk.kk.gevinstspor.common.web.Browser.page;
import static dk.kk.gevinstspor.proposal.Api.created;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;

/**
 * One layout on every page (jsoup): the same menu for a role everywhere, the current item marked, a skip link to the
 * content, breadcrumbs below the start page, the Danish 403/404 pages with the menu and a way forward, and the login
 * that returns to the page asked for (only a path of this site).
 */
@QuarkusTest
class NavigationTest {

    static final String PASSWORD = "navigation-password-1";
    static final List<String> ADMIN_MENU = List.of("Forside", "Forslag", "Rapporter", "Indberetning", "Upload fil", "Administration",
            "Skift adgangskode");

    static CookieFilter admin() {
        return Browser.login("admin", "admin-test-password");
    }

    static CookieFilter viewer() {
        Browser.user("navigation.viewer", PASSWORD, "viewer", List.of());
        return Browser.login("navigation.viewer", PASSWORD);
    }

    /** The layout's parts every page has: the skip link to main#indhold and the menu of the role. */
    static void hasTheLayout(Document page, List<String> menu, String path) {
        Element skip = page.selectFirst("body > a.skip-link");
        assertThat(skip).as("skip link on " + path).isNotNull();
        assertThat(skip.text()).isEqualTo("Gå til indhold");
        assertThat(skip.attr("href")).isEqualTo("#indhold");
        assertThat(page.select("main#indhold")).as("main#indhold on " + path).hasSize(1);
        assertThat(page.select("nav[aria-label=Hovedmenu]")).as("one menu on " + path).hasSize(1);
        assertThat(page.select("nav[aria-label=Hovedmenu] a").eachText()).as("menu on " + path).isEqualTo(menu);
    }

    static List<String> crumbs(Document page) {
        return page.select("nav[aria-label=Brødkrumme] li").eachText();
    }

    @Test
    void every_page_of_an_admin_has_the_same_menu_the_skip_link_and_breadcrumbs() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        CookieFilter admin = admin();
        for (String path : List.of("/", "/rapporter", "/indberetning", "/indberetning/upload", "/indberetning/" + ref + "/2029",
                "/forslag/" + ref, "/admin", "/admin/prisindeks", "/admin/rammer?aar=2026", "/admin/brugere", "/admin/brugere/admin",
                "/admin/beslutninger", "/admin/beslutninger/" + ref + "/ny", "/admin/beregningsfejl", "/admin/indstillinger",
                "/adgangskode")) {
            Document page = page(admin, path, 200);
            hasTheLayout(page, ADMIN_MENU, path);
            assertThat(page.select("footer.admin-footer a[href=/q/swagger-ui]")).as("admin footer on " + path).hasSize(1);
            if (path.equals("/")) {
                assertThat(page.select("nav[aria-label=Brødkrumme]")).isEmpty();
            } else {
                List<String> crumbs = crumbs(page);
                assertThat(crumbs).as("breadcrumbs on " + path).hasSizeGreaterThanOrEqualTo(2).startsWith("Forside");
                assertThat(page.select("nav[aria-label=Brødkrumme] li").last().selectFirst("[aria-current=page]"))
                        .as("current crumb on " + path).isNotNull();
            }
        }
        assertThat(crumbs(page(admin, "/admin/prisindeks", 200))).containsExactly("Forside", "Administration", "Pristal");
        assertThat(crumbs(page(admin, "/forslag/" + ref, 200))).containsExactly("Forside", "Forslag", ref);
        assertThat(crumbs(page(admin, "/indberetning/" + ref + "/2029", 200))).containsExactly("Forside", "Indberetning 2029", ref + " 2029");
        assertThat(crumbs(page(admin, "/admin/beslutninger/" + ref + "/ny", 200))).containsExactly("Forside", "Administration",
                "Ændringsbeslutninger", ref, "Ny ændringsbeslutning");
    }

    @Test
    void the_current_menu_item_is_marked() {
        CookieFilter admin = admin();
        assertThat(page(admin, "/rapporter", 200).select("nav[aria-label=Hovedmenu] a[aria-current]").eachAttr("href"))
                .containsExactly("/rapporter");
        assertThat(page(admin, "/rapporter", 200).selectFirst("nav[aria-label=Hovedmenu] a[aria-current]").attr("aria-current"))
                .isEqualTo("page");
        Element below = page(admin, "/admin/prisindeks", 200).selectFirst("nav[aria-label=Hovedmenu] a[aria-current]");
        assertThat(below.attr("href")).isEqualTo("/admin");
        assertThat(below.attr("aria-current")).isEqualTo("true");
        assertThat(page(admin, "/indberetning/upload", 200).select("nav[aria-label=Hovedmenu] a[aria-current]").eachAttr("href"))
                .containsExactly("/indberetning/upload");
        assertThat(page(admin, "/", 200).select("nav[aria-label=Hovedmenu] a[aria-current]").eachAttr("href")).containsExactly("/");
    }

    @Test
    void a_viewer_is_never_offered_the_entry_and_gets_the_403_page_with_its_menu() {
        CookieFilter viewer = viewer();
        List<String> menu = List.of("Forside", "Forslag", "Rapporter", "Skift adgangskode");
        hasTheLayout(page(viewer, "/rapporter", 200), menu, "/rapporter");
        for (String path : List.of("/indberetning", "/admin", "/admin/prisindeks")) {
            Document refused = page(viewer, path, 403);
            hasTheLayout(refused, menu, path);
            assertThat(refused.selectFirst("main h1").text()).isEqualTo("Ingen adgang");
            assertThat(refused.select("main a[href=/]")).isNotEmpty();
            assertThat(refused.select("a[href^=/indberetning], footer.admin-footer")).isEmpty();
        }
    }

    @Test
    void an_unknown_page_is_the_danish_404_page_with_the_menu_and_a_way_forward() {
        Document signedIn = page(admin(), "/findes-ikke/her", 404);
        hasTheLayout(signedIn, ADMIN_MENU, "/findes-ikke/her");
        assertThat(signedIn.selectFirst("main h1").text()).isEqualTo("Ikke fundet");
        assertThat(signedIn.selectFirst("main [role=alert]").text()).contains("/findes-ikke/her");
        assertThat(signedIn.select("main a").eachAttr("href")).contains("/forslag", "/");
        assertThat(crumbs(signedIn)).containsExactly("Forside", "Ikke fundet");

        Response anonymous = given().redirects().follow(false).accept("text/html").get("/findes-ikke");
        assertThat(anonymous.statusCode()).isEqualTo(404);
        assertThat(anonymous.contentType()).startsWith("text/html");
        Document page = Jsoup.parse(anonymous.asString());
        hasTheLayout(page, List.of("Log ind"), "/findes-ikke");
        assertThat(page.select("main a[href^=/login]")).isNotEmpty();

        // the API keeps its problem+json
        given().get("/api/findes-ikke").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void the_login_page_has_the_layout_and_a_visitor_has_only_log_ind() {
        Document login = page(new CookieFilter(), "/login", 200);
        hasTheLayout(login, List.of("Log ind"), "/login");
        assertThat(login.selectFirst("nav[aria-label=Hovedmenu] a").attr("aria-current")).isEqualTo("page");
        assertThat(crumbs(login)).containsExactly("Forside", "Log ind");
        assertThat(login.select("input[name=til]")).isEmpty();
    }

    @Test
    void signing_in_from_a_page_returns_to_it() {
        Browser.user("navigation.viewer", PASSWORD, "viewer", List.of());
        CookieFilter cookies = new CookieFilter();
        Response asked = given().filter(cookies).redirects().follow(false).get("/rapporter?rapport=laan&aar=2029");
        assertThat(asked.statusCode()).isEqualTo(303);
        assertThat(asked.header("Location")).isEqualTo("/login?til=%2Frapporter%3Frapport%3Dlaan%26aar%3D2029");

        Document login = Jsoup.parse(given().filter(cookies).queryParam("til", "/rapporter?rapport=laan&aar=2029").get("/login")
                .then().statusCode(200).extract().asString());
        assertThat(login.selectFirst("form.login input[name=til]").val()).isEqualTo("/rapporter?rapport=laan&aar=2029");
        // a failed attempt keeps the way back (an empty password: refused before any check, so no login failure is counted)
        Response wrong = Browser.submit(cookies, login, "form.login", java.util.Map.of("j_username", "navigation.viewer", "j_password", ""));
        assertThat(wrong.header("Location")).isEqualTo("/login?til=%2Frapporter%3Frapport%3Dlaan%26aar%3D2029&fejl=1");

        Response signedIn = Browser.submit(cookies, login, "form.login", java.util.Map.of("j_username", "navigation.viewer", "j_password", PASSWORD));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.header("Location")).isEqualTo("/rapporter?rapport=laan&aar=2029");
        assertThat(page(cookies, "/rapporter?rapport=laan&aar=2029", 200).selectFirst("main h1").text()).contains("Lånebog");
    }

    @Test
    void the_login_never_sends_anyone_to_another_site() {
        Browser.user("navigation.viewer", PASSWORD, "viewer", List.of());
        for (String target : List.of("//evil.example/x", "http://evil.example/", "https:evil.example", "/\\evil.example",
                "\\\\evil.example", "/%2F/evil.example".replace("%2F", "/"), "javascript:alert(1)", " /rapporter", "/rapporter\r\nX: y",
                "evil.example", "/login", "")) {
            CookieFilter cookies = new CookieFilter();
            Document login = page(cookies, "/login", 200);
            Response signedIn = given().filter(cookies).redirects().follow(false)
                    .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .formParam("j_username", "navigation.viewer").formParam("j_password", PASSWORD).formParam("til", target)
                    .post(login.selectFirst("form.login").attr("action"));
            assertThat(signedIn.statusCode()).as(target).isEqualTo(302);
            assertThat(signedIn.header("Location")).as(target).isEqualTo("/");
            Document shown = Jsoup.parse(given().queryParam("til", target).get("/login").then().statusCode(200).extract().asString());
            assertThat(shown.select("input[name=til]")).as("no hidden return for " + target).isEmpty();
        }
    }
}
