package dk.kk.gevinstspor.admin.web;

import static dk.kk.gevinstspor.common.web.Browser.page;
import static dk.kk.gevinstspor.common.web.Browser.submit;
import static dk.kk.gevinstspor.proposal.Api.anonymous;
import static dk.kk.gevinstspor.proposal.Api.as;
import static dk.kk.gevinstspor.proposal.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.common.web.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;

/** The deadline for entering figures: the API (GET/PUT /api/settings/entry-deadline) and the admins' settings page. */
@QuarkusTest
class SettingsPageTest {

    static final String PASSWORD = "settings-password-1";

    @AfterEach
    void backToTheDefault() {
        json().body(Map.of("day", 1, "month", 3)).put("/api/settings/entry-deadline").then().statusCode(200);
    }

    @Test
    void the_deadline_round_trips_through_the_api_and_every_refusal_changes_nothing() {
        long version = json().get("/api/settings/entry-deadline").then().statusCode(200).body("day", equalTo(1)).body("month", equalTo(3))
                .extract().jsonPath().getLong("version");
        long stored = json().body(Map.of("day", 15, "month", 2, "version", version)).put("/api/settings/entry-deadline")
                .then().statusCode(200).body("day", equalTo(15)).body("month", equalTo(2)).extract().jsonPath().getLong("version");
        assertThat(stored).isEqualTo(version + 1);
        json().body(Map.of("day", 15, "month", 2, "version", stored)).put("/api/settings/entry-deadline")
                .then().statusCode(200).body("version", equalTo((int) stored));

        json().body(Map.of("day", 31, "month", 4)).put("/api/settings/entry-deadline").then().statusCode(422)
                .contentType("application/problem+json").body("errors.code", hasItem("DAY_NOT_IN_MONTH"))
                .body("errors.message", hasItem("Den 31. april findes ikke"));
        json().body(Map.of("day", 29, "month", 2)).put("/api/settings/entry-deadline").then().statusCode(422)
                .body("errors.message", hasItem("Den 29. februar findes ikke hvert år; vælg en dato, der findes hvert år"));
        json().body(Map.of("day", 0, "month", 13)).put("/api/settings/entry-deadline").then().statusCode(422)
                .body("errors.code", hasItem("DAY_INVALID")).body("errors.code", hasItem("MONTH_INVALID"));
        json().body(Map.of("month", 3)).put("/api/settings/entry-deadline").then().statusCode(422).body("errors.field", hasItem("day"));
        json().body(Map.of("day", "første", "month", 3)).put("/api/settings/entry-deadline").then().statusCode(400);
        json().body(Map.of("day", 10, "month", 3, "version", stored - 1)).put("/api/settings/entry-deadline").then().statusCode(409);

        Browser.user("settings.buf", PASSWORD, "entry", List.of("BUF"));
        as("settings.buf", PASSWORD).body(Map.of("day", 10, "month", 3)).put("/api/settings/entry-deadline").then().statusCode(403);
        as("settings.buf", PASSWORD).get("/api/settings/entry-deadline").then().statusCode(200);
        anonymous().get("/api/settings/entry-deadline").then().statusCode(401);
        json().get("/api/settings/entry-deadline").then().body("day", equalTo(15)).body("month", equalTo(2))
                .body("version", equalTo((int) stored));
    }

    @Test
    void an_admin_changes_the_deadline_on_the_settings_page_with_danish_errors() {
        CookieFilter admin = Browser.login("admin", "admin-test-password");
        Document form = page(admin, "/admin/indstillinger", 200);
        assertThat(form.selectFirst("main h1").text()).isEqualTo("Indstillinger");
        assertThat(form.selectFirst("#day").val()).isEqualTo("1");
        assertThat(form.selectFirst("#month option[selected]").text()).isEqualTo("marts");
        assertThat(form.selectFirst("main").text()).contains("Nu er fristen 1. marts").contains("senest 1. marts 2030");

        Response refused = submit(admin, form, "form.entry-deadline", Map.of("day", "31", "month", "4"));
        assertThat(refused.statusCode()).isEqualTo(422);
        Document shown = org.jsoup.Jsoup.parse(refused.asString());
        assertThat(shown.selectFirst(".error-summary a[href=#day]").text()).isEqualTo("Den 31. april findes ikke");
        assertThat(shown.selectFirst("#day").attr("aria-invalid")).isEqualTo("true");
        assertThat(shown.selectFirst("#day").val()).isEqualTo("31");
        assertThat(shown.selectFirst("title").text()).startsWith("Fejl:");
        Response notANumber = submit(admin, form, "form.entry-deadline", Map.of("day", "første"));
        assertThat(notANumber.statusCode()).isEqualTo(422);
        assertThat(notANumber.asString()).contains("Dagen skal være et tal fra 1 til 31");
        json().get("/api/settings/entry-deadline").then().body("day", equalTo(1)).body("month", equalTo(3));

        Response saved = submit(admin, form, "form.entry-deadline", Map.of("day", "15", "month", "2"));
        assertThat(saved.statusCode()).isEqualTo(303);
        Document after = page(admin, saved.header("Location"), 200);
        assertThat(after.selectFirst(".saved").text()).contains("15. februar");
        json().get("/api/settings/entry-deadline").then().body("day", equalTo(15)).body("month", equalTo(2));

        Response stale = submit(admin, form, "form.entry-deadline", Map.of("day", "20", "month", "2"));
        assertThat(stale.statusCode()).as("the form read before the change").isEqualTo(409);
        assertThat(stale.asString()).contains("ændret af en anden");

        Browser.user("settings.viewer", PASSWORD, "viewer", List.of());
        page(Browser.login("settings.viewer", PASSWORD), "/admin/indstillinger", 403);
    }
}
