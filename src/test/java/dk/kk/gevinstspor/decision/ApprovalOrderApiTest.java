package dk.kk.gevinstspor.decision;

import static dk.kk.gevinstspor.decision.DecisionApiTest.approve;
import static dk.kk.gevinstspor.decision.DecisionApiTest.lowerEfficiencyFrom2028;
import static dk.kk.gevinstspor.decision.DecisionApiTest.pending;
import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.num;
import static dk.kk.gevinstspor.proposal.Bodies.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.common.config.Today;
import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * DOMAIN.md, Edges 9 through the API: approvals in the order committee, ØU, BR (ØKF's own: ØU, then BR), never
 * after today, never before the previous approval; a refusal is problem+json, changes nothing and leaves no trace
 * in the history.
 */
@QuarkusTest
class ApprovalOrderApiTest {

    static final String ADMIN = "admin";

    @Inject
    Today today;

    static ValidatableResponse approveOn(String ref, long id, String body, LocalDate date) {
        return approve(ADMIN, ref, id, body, date.toString(), body + " " + date);
    }

    static ValidatableResponse refused(ValidatableResponse response, int status, String code) {
        return response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
                .body("errors", hasSize(1)).body("errors[0].code", equalTo(code));
    }

    static List<Map<String, Object>> history(String ref) {
        return json().get("/api/proposals/{ref}/history", ref).then().statusCode(200).extract().jsonPath().getList("$");
    }

    static ValidatableResponse decision(String ref, long id) {
        return json().get("/api/proposals/{ref}/decisions/{id}", ref, id).then().statusCode(200);
    }

    @Test
    void an_approval_out_of_order_is_refused_with_409_and_changes_nothing() {
        String ref = Bodies.reference("KFF");
        created(Bodies.investment(ref));
        long id = pending(ref, map("type", "ASSUMPTION_CHANGE", "description", "Ny leverandør", "effectiveYear", 2027));
        LocalDate meeting = LocalDate.of(2026, 5, 12);

        refused(approveOn(ref, id, "FINANCE_COMMITTEE", meeting), 409, "APPROVAL_OUT_OF_ORDER")
                .body("errors[0].message", equalTo("Økonomiudvalget kan først godkende beslutningen, når fagudvalget har godkendt den. "
                        + "Godkendelserne sker i rækkefølgen fagudvalget, Økonomiudvalget, Borgerrepræsentationen."));
        refused(approveOn(ref, id, "CITY_COUNCIL", meeting), 409, "APPROVAL_OUT_OF_ORDER")
                .body("errors[0].message", startsWith("Borgerrepræsentationen kan først godkende beslutningen, når fagudvalget og "
                        + "Økonomiudvalget har godkendt den."));
        decision(ref, id).body("approvals", hasSize(0)).body("nextApprovals", equalTo(List.of("COMMITTEE")));

        approveOn(ref, id, "COMMITTEE", meeting).statusCode(200).body("approvals", hasSize(1));
        refused(approveOn(ref, id, "CITY_COUNCIL", meeting), 409, "APPROVAL_OUT_OF_ORDER");
        decision(ref, id).body("status", equalTo("PENDING")).body("approvals", hasSize(1))
                .body("approvals[0].body", equalTo("COMMITTEE")).body("nextApprovals", equalTo(List.of("FINANCE_COMMITTEE")));
    }

    @Test
    void an_approval_dated_after_today_is_refused_with_422_and_today_is_accepted() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        long id = pending(ref, map("type", "ASSUMPTION_CHANGE", "description", "Ny leverandør", "effectiveYear", 2027));
        LocalDate tomorrow = today.date().plusDays(1);

        refused(approveOn(ref, id, "COMMITTEE", tomorrow), 422, "APPROVAL_DATE_IN_FUTURE")
                .body("errors[0].field", equalTo("date"))
                .body("errors[0].message", startsWith("Datoen " + danish(tomorrow) + " ligger efter i dag (" + danish(today.date()) + ")."));
        decision(ref, id).body("approvals", hasSize(0));

        approveOn(ref, id, "COMMITTEE", today.date()).statusCode(200).body("approvals[0].date", equalTo(today.date().toString()));
    }

    @Test
    void an_approval_dated_before_the_previous_one_is_refused_with_422_and_the_same_day_is_accepted() {
        String ref = Bodies.reference("SOF");
        created(Bodies.investment(ref));
        long id = pending(ref, map("type", "ASSUMPTION_CHANGE", "description", "Ny leverandør", "effectiveYear", 2027));
        LocalDate committee = LocalDate.of(2026, 4, 20);
        approveOn(ref, id, "COMMITTEE", committee).statusCode(200);

        refused(approveOn(ref, id, "FINANCE_COMMITTEE", committee.minusDays(1)), 422, "APPROVAL_DATE_BEFORE_PREVIOUS")
                .body("errors[0].field", equalTo("date"))
                .body("errors[0].message", equalTo("Datoen 19.04.2026 ligger før fagudvalgets godkendelse den 20.04.2026. "
                        + "Økonomiudvalget godkender efter fagudvalget, så datoen skal være den 20.04.2026 eller senere."));
        decision(ref, id).body("approvals", hasSize(1));

        approveOn(ref, id, "FINANCE_COMMITTEE", committee).statusCode(200).body("approvals", hasSize(2));
        refused(approveOn(ref, id, "CITY_COUNCIL", committee.minusDays(1)), 422, "APPROVAL_DATE_BEFORE_PREVIOUS");
        decision(ref, id).body("status", equalTo("PENDING")).body("approvals", hasSize(2));
    }

    /** Approvals dated before the decision was registered (here years before) are normal: meetings come first. */
    @Test
    void approvals_in_order_make_the_decision_approved_and_in_effect_with_the_third() {
        String ref = Bodies.reference("KFF");
        created(Bodies.investment(ref));
        long id = pending(ref, map("type", "AMOUNT_DEVIATION", "description", "Færre sager end forudsat", "effectiveYear", 2028,
                "plan", lowerEfficiencyFrom2028()));

        approveOn(ref, id, "COMMITTEE", LocalDate.of(2026, 4, 20)).statusCode(200).body("status", equalTo("PENDING"));
        approveOn(ref, id, "FINANCE_COMMITTEE", LocalDate.of(2026, 5, 4)).statusCode(200).body("status", equalTo("PENDING"));
        json().get("/api/proposals/{ref}", ref).then().body("plan[2].serviceEfficiency", num(1_500_000));
        approveOn(ref, id, "CITY_COUNCIL", LocalDate.of(2026, 5, 21)).statusCode(200).body("status", equalTo("APPROVED"))
                .body("approvedAt", notNullValue()).body("approvals.body", equalTo(List.of("COMMITTEE", "FINANCE_COMMITTEE", "CITY_COUNCIL")))
                .body("nextApprovals", hasSize(0));
        json().get("/api/proposals/{ref}", ref).then().statusCode(200)
                .body("plan[2].serviceEfficiency", num(1_200_000)).body("plan[3].serviceEfficiency", num(1_800_000));
    }

    @Test
    void refused_attempts_leave_no_trace_in_the_history() {
        String ref = Bodies.reference("SUF");
        created(Bodies.investment(ref));
        long id = pending(ref, map("type", "CANCELLATION", "description", "Projektet stoppes", "effectiveYear", 2027));
        approveOn(ref, id, "COMMITTEE", LocalDate.of(2026, 4, 20)).statusCode(200);
        List<Map<String, Object>> before = history(ref);
        assertThat(before).anySatisfy(r -> assertThat(r).containsEntry("entity", "approval").containsEntry("item", "#" + id + " COMMITTEE"));

        refused(approve(ADMIN, ref, id, "CITY_COUNCIL", "2026-05-21", "BR-AFVIST-1"), 409, "APPROVAL_OUT_OF_ORDER");
        refused(approve(ADMIN, ref, id, "FINANCE_COMMITTEE", today.date().plusDays(1).toString(), "ØU-AFVIST-2"), 422,
                "APPROVAL_DATE_IN_FUTURE");
        refused(approve(ADMIN, ref, id, "FINANCE_COMMITTEE", "2026-04-19", "ØU-AFVIST-3"), 422, "APPROVAL_DATE_BEFORE_PREVIOUS");
        // a correction of the committee's own date into the future is refused as well
        refused(approve(ADMIN, ref, id, "COMMITTEE", today.date().plusDays(1).toString(), "KFU-AFVIST-4"), 422,
                "APPROVAL_DATE_IN_FUTURE");

        List<Map<String, Object>> after = history(ref);
        assertThat(after).isEqualTo(before);
        assertThat(after).noneSatisfy(r -> assertThat(String.valueOf(r.get("new"))).contains("AFVIST"));
        assertThat(after).noneSatisfy(r -> assertThat(String.valueOf(r.get("item"))).isIn("#" + id + " FINANCE_COMMITTEE",
                "#" + id + " CITY_COUNCIL"));
        decision(ref, id).body("status", equalTo("PENDING")).body("approvals", hasSize(1))
                .body("approvals[0].date", equalTo("2026-04-20"));
        json().get("/api/proposals/{ref}", ref).then().body("status", equalTo("ADOPTED"));
    }

    /** ØKF's own proposal: its committee is ØU, recorded as COMMITTEE and FINANCE_COMMITTEE (either first), then BR. */
    @Test
    void for_the_finance_administrations_own_proposal_oeu_is_recorded_twice_then_the_city_council() {
        String ref = Bodies.reference("ØKF");
        created(Bodies.investment(ref));
        long id = pending(ref, map("type", "CANCELLATION", "description", "Projektet stoppes", "effectiveYear", 2027));
        decision(ref, id).body("nextApprovals", equalTo(List.of("COMMITTEE", "FINANCE_COMMITTEE")));
        LocalDate oeu = LocalDate.of(2026, 5, 4);

        approveOn(ref, id, "FINANCE_COMMITTEE", oeu).statusCode(200).body("nextApprovals", equalTo(List.of("COMMITTEE")));
        refused(approveOn(ref, id, "CITY_COUNCIL", oeu), 409, "APPROVAL_OUT_OF_ORDER");
        approveOn(ref, id, "COMMITTEE", oeu).statusCode(200).body("status", equalTo("PENDING"))
                .body("nextApprovals", equalTo(List.of("CITY_COUNCIL")));
        refused(approveOn(ref, id, "CITY_COUNCIL", oeu.minusDays(1)), 422, "APPROVAL_DATE_BEFORE_PREVIOUS");
        approveOn(ref, id, "CITY_COUNCIL", oeu.plusDays(10)).statusCode(200).body("status", equalTo("APPROVED"));
        json().get("/api/proposals/{ref}", ref).then().body("status", equalTo("CANCELLED"));
    }

    /**
     * Issue 19: once the decision has taken effect its approvals are what happened; another date or case reference, of
     * any body, is 409 {@code DECISION_IN_EFFECT} with a Danish message and changes nothing. The same values again
     * still answer 200 (a client repeating its request).
     */
    @Test
    void the_approvals_of_a_decision_in_effect_are_not_rewritten() {
        String ref = Bodies.reference("BIF");
        created(Bodies.investment(ref));
        long id = pending(ref, map("type", "AMOUNT_DEVIATION", "description", "Færre sager end forudsat", "effectiveYear", 2028,
                "plan", lowerEfficiencyFrom2028()));
        approveOn(ref, id, "COMMITTEE", LocalDate.of(2026, 4, 20)).statusCode(200);
        approveOn(ref, id, "FINANCE_COMMITTEE", LocalDate.of(2026, 5, 4)).statusCode(200);
        approveOn(ref, id, "CITY_COUNCIL", LocalDate.of(2026, 5, 21)).statusCode(200).body("status", equalTo("APPROVED"));
        String before = decision(ref, id).extract().asString();
        int historyBefore = history(ref).size();

        refused(approve(ADMIN, ref, id, "FINANCE_COMMITTEE", "2026-05-21", "ØU 2026-77"), 409, "DECISION_IN_EFFECT")
                .body("errors[0].message", startsWith("Beslutningen er trådt i kraft"));
        refused(approve(ADMIN, ref, id, "COMMITTEE", "2026-04-20", "andet sagsnummer"), 409, "DECISION_IN_EFFECT");
        refused(approve(ADMIN, ref, id, "CITY_COUNCIL", "2026-05-22", "BR 2026-99"), 409, "DECISION_IN_EFFECT");
        approveOn(ref, id, "CITY_COUNCIL", LocalDate.of(2026, 5, 21)).statusCode(200).body("status", equalTo("APPROVED"));

        assertThat(decision(ref, id).extract().asString()).isEqualTo(before);
        assertThat(history(ref)).hasSize(historyBefore);
        json().get("/api/proposals/{ref}", ref).then().body("plan[2].serviceEfficiency", num(1_200_000))
                .body("cancellation", nullValue());
    }

    private static String danish(LocalDate date) {
        return String.format("%02d.%02d.%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }
}
