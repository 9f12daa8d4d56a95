package dk.kk.gevinstspor.admin.web;

import static dk.kk.gevinstspor.common.web.Browser.login;
import static dk.kk.gevinstspor.common.web.Browser.page;
import static dk.kk.gevinstspor.common.web.Browser.submit;
import static dk.kk.gevinstspor.proposal.Api.as;
import static dk.kk.gevinstspor.proposal.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.common.web.Browser;
import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;

/**
 * /admin/brugere/{user}: an admin disables and enables, resets the password of and deletes a user, with the
 * service's refusals shown in Danish in an error summary linking to the field (a too short password, the admin's
 * own user, a user with history); a form read before someone else's change is refused with 409.
 */
@QuarkusTest
class UserPagesTest {

    static final String PASSWORD = "user-pages-password";

    static String user(String role) {
        String name = "sider." + UUID.randomUUID().toString().substring(0, 8);
        Browser.user(name, PASSWORD, role, role.equals("entry") ? List.of("BUF") : List.of());
        return name;
    }

    @Test
    void an_admin_disables_enables_resets_and_deletes_a_user_on_its_page() {
        CookieFilter admin = login("admin", "admin-test-password");
        String name = user("viewer");
        Document list = page(admin, "/admin/brugere", 200);
        assertThat(list.select("table.users tr").stream().filter(r -> r.text().startsWith(name)).findFirst().orElseThrow().text())
                .contains("Aktiv");

        Document userPage = page(admin, "/admin/brugere/" + name, 200);
        Response disabled = submit(admin, userPage, "form.user-status", Map.of());
        assertThat(disabled.statusCode()).isEqualTo(303);
        assertThat(page(admin, disabled.header("Location"), 200).selectFirst(".saved").text()).contains("spærret");
        as(name, PASSWORD).get("/api/committees").then().statusCode(401);
        // the old form (read before the change) is refused: someone changed the user since
        Response stale = submit(admin, userPage, "form.user-status", Map.of());
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(stale.asString()).selectFirst(".error-summary").text()).contains("ændret af en anden");

        Response enabled = submit(admin, page(admin, "/admin/brugere/" + name, 200), "form.user-status", Map.of());
        assertThat(enabled.statusCode()).isEqualTo(303);
        as(name, PASSWORD).get("/api/committees").then().statusCode(200);

        Response tooShort = submit(admin, page(admin, "/admin/brugere/" + name, 200), "form.user-password", Map.of("password", "kort"));
        assertThat(tooShort.statusCode()).isEqualTo(422);
        Document refused = Jsoup.parse(tooShort.asString());
        assertThat(refused.selectFirst(".error-summary a[href='#password']").text()).contains("mindst 12 tegn");
        assertThat(refused.title()).startsWith("Fejl: ");

        Response reset = submit(admin, page(admin, "/admin/brugere/" + name, 200), "form.user-password",
                Map.of("password", "midlertidig-side-kode"));
        assertThat(reset.statusCode()).isEqualTo(303);
        assertThat(page(admin, reset.header("Location"), 200).text()).contains("skal vælge en ny ved næste login");
        as(name, PASSWORD).get("/api/committees").then().statusCode(401);

        Response deleted = submit(admin, page(admin, "/admin/brugere/" + name, 200), "form.user-delete", Map.of());
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(page(admin, deleted.header("Location"), 200).selectFirst(".saved").text()).contains(name).contains("slettet");
        page(admin, "/admin/brugere/" + name, 404);
    }

    @Test
    void the_admin_own_user_and_a_user_with_history_are_refused_in_danish() {
        CookieFilter admin = login("admin", "admin-test-password");
        Response own = submit(admin, page(admin, "/admin/brugere/admin", 200), "form.user-status", Map.of());
        assertThat(own.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(own.asString()).selectFirst(".error-summary").text()).contains("Du kan ikke spærre din egen bruger");

        String author = user("admin");
        as(author, PASSWORD).contentType("application/json").body(Bodies.investment(Bodies.reference("BUF"))).post("/api/proposals")
                .then().statusCode(201);
        Response history = submit(admin, page(admin, "/admin/brugere/" + author, 200), "form.user-delete", Map.of());
        assertThat(history.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(history.asString()).selectFirst(".error-summary").text()).contains("har historik").contains("Spær");
        json().get("/api/users/{u}", author).then().statusCode(200);
    }
}
