package dk.kk.gevinstspor.decision.web;

import static dk.kk.gevinstspor.common.web.Browser.login;
import static dk.kk.gevinstspor.common.web.Browser.page;
import static dk.kk.gevinstspor.common.web.Browser.submit;
import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.common.config.Today;
import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;

/**
 * The approval form of the proposal page (DOMAIN.md, Edges 9): it offers the bodies in order, and a refusal shows
 * the Danish message in an error summary linking to the field, with the form as typed, and changes nothing.
 */
@QuarkusTest
class ApprovalPagesTest {

    @Inject
    Today today;

    static String danish(LocalDate date) {
        return String.format("%02d.%02d.%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    static List<Object> approvals(String ref, long id) {
        return json().get("/api/proposals/{ref}/decisions/{id}", ref, id).jsonPath().getList("approvals");
    }

    static List<Object> history(String ref) {
        return json().get("/api/proposals/{ref}/history", ref).then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** The refusal page: the summary's links and texts, the field marked invalid and described by its message. */
    static Document refusal(Response response, int status, String field, String message) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        Document page = Jsoup.parse(response.asString());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Godkendelsen er ikke gemt");
        Element summary = page.selectFirst(".error-summary[role=alert]");
        assertThat(summary).isNotNull();
        assertThat(summary.selectFirst("h2").text()).isEqualTo("Der er et problem");
        Element link = summary.selectFirst("a[href='#" + field + "']");
        assertThat(link).as("summary links to #" + field).isNotNull();
        assertThat(link.text()).contains(message);
        Element input = page.getElementById(field);
        assertThat(input).as("field #" + field).isNotNull();
        assertThat(input.attr("aria-invalid")).isEqualTo("true");
        assertThat(page.getElementById(input.attr("aria-describedby")).text()).contains(message);
        return page;
    }

    @Test
    void the_page_offers_the_bodies_in_order_and_shows_a_refusal_without_changing_anything() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        long id = json().body(Bodies.map("type", "CANCELLATION", "description", "Stoppes", "effectiveYear", 2027))
                .post("/api/proposals/{ref}/decisions", ref).then().statusCode(201).extract().jsonPath().getLong("id");
        CookieFilter admin = login("admin", "admin-test-password");

        // only the committee is offered first
        Document proposal = page(admin, "/forslag/" + ref, 200);
        assertThat(proposal.select("form.approval select[name=body] option").eachAttr("value")).containsExactly("COMMITTEE");
        assertThat(proposal.select("form.approval").text()).contains("rækkefølgen fagudvalget, Økonomiudvalget, Borgerrepræsentationen");
        // a date after today: refused, the date kept as typed
        String tomorrow = danish(today.date().plusDays(1));
        Document future = refusal(submit(admin, proposal, "form.approval", Map.of("date", tomorrow, "caseReference", "BUU 2026-1")),
                422, "date", "Datoen " + tomorrow + " ligger efter i dag");
        assertThat(future.getElementById("date").val()).isEqualTo(tomorrow);
        assertThat(future.getElementById("caseReference").val()).isEqualTo("BUU 2026-1");
        assertThat(future.select("main p a[href=/forslag/" + ref + "]").text()).isEqualTo(ref);
        assertThat(approvals(ref, id)).isEmpty();

        assertThat(submit(admin, proposal, "form.approval", Map.of("date", "20.04.2026", "caseReference", "BUU 2026-1")).statusCode())
                .isEqualTo(303);
        proposal = page(admin, "/forslag/" + ref, 200);
        assertThat(proposal.select("form.approval select[name=body] option").eachAttr("value")).containsExactly("FINANCE_COMMITTEE");
        List<Object> before = history(ref);

        // before the committee's approval
        Document early = refusal(submit(admin, proposal, "form.approval", Map.of("date", "19.04.2026", "caseReference", "ØU 2026-2")),
                422, "date", "Datoen 19.04.2026 ligger før fagudvalgets godkendelse den 20.04.2026.");
        assertThat(early.select("table.approvals tbody").text()).contains("Fagudvalget").contains("20.04.2026");
        // out of order (a stale or forged form): 409, the summary links to the body
        Document outOfOrder = refusal(submit(admin, proposal, "form.approval", Map.of("body", "CITY_COUNCIL", "date", "21.05.2026",
                "caseReference", "BR 2026-3")), 409, "body", "Borgerrepræsentationen kan først godkende beslutningen, når Økonomiudvalget");
        assertThat(outOfOrder.select("select#body option").eachAttr("value")).containsExactly("FINANCE_COMMITTEE");
        assertThat(approvals(ref, id)).hasSize(1);
        assertThat(history(ref)).isEqualTo(before);

        // corrected on the refusal page itself
        Response corrected = submit(admin, early, "form.approval", Map.of("date", "04.05.2026"));
        assertThat(corrected.statusCode()).isEqualTo(303);
        assertThat(approvals(ref, id)).hasSize(2);
        assertThat(json().get("/api/proposals/{ref}/decisions/{id}", ref, id).jsonPath().getString("approvals[1].date"))
                .isEqualTo("2026-05-04");
    }

    @Test
    void input_the_page_cannot_read_is_listed_in_the_summary_with_links_to_each_field() {
        String ref = Bodies.reference("SOF");
        created(Bodies.investment(ref));
        long id = json().body(Bodies.map("type", "CANCELLATION", "description", "Stoppes", "effectiveYear", 2027))
                .post("/api/proposals/{ref}/decisions", ref).then().statusCode(201).extract().jsonPath().getLong("id");
        CookieFilter admin = login("admin", "admin-test-password");
        Document proposal = page(admin, "/forslag/" + ref, 200);

        Response bad = submit(admin, proposal, "form.approval", Map.of("date", "i morgen", "caseReference", ""));
        refusal(bad, 422, "date", "Skriv datoen for godkendelsen");
        Document page = refusal(bad, 422, "caseReference", "Skriv sagsnummeret");
        assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#date", "#caseReference");
        assertThat(approvals(ref, id)).isEmpty();
    }
}
