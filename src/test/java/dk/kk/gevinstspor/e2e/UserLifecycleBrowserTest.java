package dk.kk.gevinstspor.e2e;

import static dk.kk.gevinstspor.proposal.Api.as;
import static dk.kk.gevinstspor.proposal.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The user lifecycle in Chromium: the admin resets a user's password on /admin/brugere, the user signs in with it
 * and is led to /adgangskode (one error first: the two new passwords differ), chooses its own and goes on; the admin
 * disables the user, whose open page then asks for the login. Every page is checked with axe-core.
 */
@QuarkusTest
class UserLifecycleBrowserTest {

    static final String PASSWORD = "browser-lifecycle-1";

    @TestHTTPResource("/")
    URL base;

    private final List<String> accessibility = new ArrayList<>();

    @Test
    void the_admin_resets_and_disables_a_user_and_the_user_chooses_its_own_password() {
        String user = "browser.life." + UUID.randomUUID().toString().substring(0, 6);
        json().body(Bodies.map("username", user, "password", PASSWORD, "roles", List.of("entry"), "administrations", List.of("BUF")))
                .post("/api/users").then().statusCode(201);
        String temporary = "midlertidig-browser-7";
        String own = "min-egen-browser-kode-9";

        try (Chromium admin = new Chromium(base, "admin-brugere"); Chromium person = new Chromium(base, "bruger")) {
            signIn(admin, "admin", "admin-test-password");
            admin.open("/admin/brugere");
            visited(admin, "brugere");
            admin.click("table.users a[href='/admin/brugere/" + user + "']");
            visited(admin, "bruger");
            admin.type("#password", temporary).click("form.user-password button[type=submit]");
            visited(admin, "bruger-nulstillet");
            assertThat(admin.textOf(".saved")).contains("nulstillet");

            signIn(person, user, temporary);
            assertThat(person.path()).isEqualTo("/adgangskode");
            visited(person, "adgangskode-kraevet");
            person.type("#current", temporary).type("#password", own).type("#repeated", own + "x")
                    .click("form.password button[type=submit]");
            visited(person, "adgangskode-fejl");
            assertThat(person.textOf(".error-summary")).contains("De to nye adgangskoder er ikke ens");
            assertThat(person.find("#repeated").getAttribute("aria-invalid")).isEqualTo("true");
            person.type("#current", temporary).type("#password", own).type("#repeated", own).click("form.password button[type=submit]");
            visited(person, "adgangskode-gemt");
            assertThat(person.textOf(".saved")).contains("ændret");
            person.open("/indberetning");
            assertThat(person.path()).isEqualTo("/indberetning");

            admin.open("/admin/brugere/" + user);
            admin.click("form.user-status button[type=submit]");
            visited(admin, "bruger-spaerret");
            assertThat(admin.textOf(".saved")).contains("spærret");
            person.open("/indberetning");
            assertThat(person.path()).startsWith("/login");
        }
        as(user, own).get("/api/committees").then().statusCode(401);
        assertThat(accessibility).as("serious or critical WCAG 2.1 AA violations").isEmpty();
    }

    private void signIn(Chromium browser, String username, String password) {
        browser.open("/login");
        browser.type("#j_username", username).type("#j_password", password).click("form.login button[type=submit]");
        assertThat(browser.path()).doesNotStartWith("/login");
    }

    private void visited(Chromium browser, String step) {
        browser.screenshot(step);
        Accessibility.seriousViolations(browser).forEach(v -> accessibility.add(browser.path() + ": " + v));
    }
}
