package dk.kk.gevinstspor.proposal;

import static dk.kk.gevinstspor.proposal.Api.create;
import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.num;
import static dk.kk.gevinstspor.proposal.Bodies.line;
import static dk.kk.gevinstspor.proposal.Bodies.list;
import static dk.kk.gevinstspor.proposal.Bodies.map;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Proposals over HTTP: adopt, read, refuse what breaks the rules, change with optimistic locking. */
@QuarkusTest
class ProposalApiTest {

    @Test
    void an_adopted_proposal_is_stored_and_echoed_with_what_is_derived() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref))
                .header("Location", endsWith("/api/proposals/" + ref))
                .contentType("application/json")
                .body("id", not(nullValue()))
                .body("reference", equalTo(ref))
                .body("crossCutting", equalTo(false))
                .body("status", equalTo("ADOPTED"))
                .body("version", num(0))
                .body("findings", empty())
                .body("plan.year", contains(num(2026), num(2027), num(2028), num(2029)))
                .body("plan[0].investment", num(3000000))
                .body("plan[3].serviceEfficiency", num(2000000))
                .body("targets.code", contains("EFF", "M1", "K1"))
                .body("targets[2].yearly[0].target", num(1200))
                .body("assessments[0].type", equalTo("KONCERN_IT"));

        json().get("/api/proposals/{ref}", ref).then().statusCode(200)
                .body("title", equalTo("Digital pladsanvisning"))
                .body("plan[1].investment", num(1000000));
    }

    @Test
    void a_reference_with_oe_is_addressed_percent_encoded() {
        String ref = Bodies.reference("ØKF");
        created(Bodies.investment(ref)).header("Location", endsWith("/api/proposals/" + ref.replace("Ø", "%C3%98")));
        json().urlEncodingEnabled(false).get("/api/proposals/" + ref.replace("Ø", "%C3%98")).then().statusCode(200)
                .body("leadAdministration", equalTo("ØKF"));
    }

    @Test
    void three_fagforvaltninger_make_a_proposal_cross_cutting() {
        String ref = Bodies.reference("SOF");
        Map<String, Object> body = Bodies.investment(ref);
        body.put("administrations", List.of("SOF", "SUF", "KFF"));
        created(body).body("crossCutting", equalTo(true)).body("administrations", containsInAnyOrder("SOF", "SUF", "KFF"));
    }

    @Test
    void an_unknown_reference_is_a_404_problem() {
        json().get("/api/proposals/{ref}", "BUF-NO-SUCH").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", num(404)).body("title", equalTo("Not Found"));
    }

    @Test
    void a_taken_reference_is_a_409_and_the_first_proposal_is_unchanged() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        Map<String, Object> again = Bodies.investment(ref);
        again.put("title", "Noget andet");
        create(again).statusCode(409).contentType("application/problem+json");
        json().get("/api/proposals/{ref}", ref).then().body("title", equalTo("Digital pladsanvisning"));
    }

    @Test
    void missing_and_malformed_fields_are_422_with_every_field_named() {
        Map<String, Object> body = Bodies.investment(Bodies.reference("BUF"));
        body.remove("title");
        body.put("adoptionRound", null);
        body.put("priorityClass", 7);
        create(body).statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("title", "adoptionRound", "priorityClass"))
                .body("errors.code", hasItems("NotBlank", "NotNull", "Max"));
    }

    @Test
    void an_unknown_administration_is_refused() {
        Map<String, Object> body = Bodies.investment(Bodies.reference("BUF"));
        body.put("administrations", List.of("BUF", "XYZ"));
        create(body).statusCode(422).body("errors.code", contains("UNKNOWN_ADMINISTRATION"))
                .body("errors.field", contains("administrations[1]"));
    }

    @Test
    void a_plan_with_a_gap_a_duplicate_a_negative_amount_and_three_decimals_is_refused_with_each_error() {
        Map<String, Object> body = Bodies.investment(Bodies.reference("BUF"));
        body.put("plan", List.of(line(2026, 3_000_000, 0, 0, 0, 0), line(2026, 0, 0, 0, 0, 0),
                map("year", 2028, "investment", -5, "operationFunding", 0, "operatingCost", 0, "serviceEfficiency", 1.234,
                        "transferEffect", 0)));
        create(body).statusCode(422)
                .body("errors.code", hasItems("PLAN_YEAR_DUPLICATE", "PLAN_YEAR_GAP", "AMOUNT_NEGATIVE", "AMOUNT_TOO_MANY_DECIMALS"))
                .body("errors.find { it.code == 'AMOUNT_NEGATIVE' }.field", equalTo("plan[2].investment"));
    }

    @Test
    void a_transfer_amount_without_the_transfers_flag_is_refused() {
        Map<String, Object> body = Bodies.investment(Bodies.reference("BUF"));
        list(body, "plan").set(3, line(2029, 0, 0, 0, 2_000_000, 100_000));
        create(body).statusCode(422).body("errors.code", contains("TRANSFER_EFFECT_WITHOUT_FLAG"));
    }

    @Test
    void an_amount_beyond_the_column_is_refused_not_a_500() {
        Map<String, Object> body = Bodies.investment(Bodies.reference("BUF"));
        list(body, "plan").get(0).put("investment", new java.math.BigDecimal("1e20"));
        create(body).statusCode(422).body("errors.code", hasItem("AMOUNT_TOO_LARGE"));
    }

    @Test
    void warnings_do_not_refuse_a_proposal_and_are_returned_with_it() {
        Map<String, Object> body = Bodies.investment(Bodies.reference("BUF"));
        body.put("transfersEffect", true);
        body.put("employerAreaEffect", true);
        body.put("plan", List.of(line(2026, 10_000_000, 0, 0, 0, 0), line(2027, 0, 0, 0, 1_000_000, 0)));
        created(body).body("findings.code", hasItems("PAYBACK_OVER_6", "TRANSFERS_NEEDS_ANALYSIS", "ASSESSMENT_MISSING"))
                .body("findings.find { it.code == 'ASSESSMENT_MISSING' && it.message.contains('HR') }", not(nullValue()))
                .body("findings.severity", everyItemIs("WARNING"));
    }

    private static org.hamcrest.Matcher<Iterable<? extends Object>> everyItemIs(String value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }

    // ---- changes and optimistic locking ---------------------------------------------------------------

    @Test
    void the_same_values_again_answer_200_unchanged_whatever_version_they_carry() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        Map<String, Object> same = Bodies.investment(ref);
        same.put("version", 41);
        json().body(same).put("/api/proposals/{ref}", ref).then().statusCode(200).body("version", num(0));
    }

    @Test
    void a_change_with_the_current_version_is_stored_and_bumps_the_version() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        Map<String, Object> changed = Bodies.investment(ref);
        changed.put("title", "Digital pladsanvisning i hele byen");
        list(changed, "targets").add(map("code", "M2", "type", "MILESTONE", "description", "Evaluering", "dueYear", 2028));
        changed.put("version", 0);
        json().body(changed).put("/api/proposals/{ref}", ref).then().statusCode(200)
                .body("title", equalTo("Digital pladsanvisning i hele byen"))
                .body("targets.code", contains("EFF", "M1", "K1", "M2"))
                .body("version", num(1));
    }

    @Test
    void a_change_with_a_stale_or_missing_version_is_409_and_changes_nothing() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        Map<String, Object> first = Bodies.investment(ref);
        first.put("title", "Første ændring");
        first.put("version", 0);
        json().body(first).put("/api/proposals/{ref}", ref).then().statusCode(200);

        Map<String, Object> stale = Bodies.investment(ref);
        stale.put("title", "Anden ændring fra en gammel udgave");
        stale.put("version", 0);
        json().body(stale).put("/api/proposals/{ref}", ref).then().statusCode(409).contentType("application/problem+json");
        stale.remove("version");
        json().body(stale).put("/api/proposals/{ref}", ref).then().statusCode(409);
        json().get("/api/proposals/{ref}", ref).then().body("title", equalTo("Første ændring")).body("version", num(1));
    }

    @Test
    void a_changed_plan_or_loan_needs_a_decision() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        Map<String, Object> changed = Bodies.investment(ref);
        list(changed, "plan").set(0, line(2026, 3_500_000, 0, 0, 0, 0));
        changed.put("version", 0);
        json().body(changed).put("/api/proposals/{ref}", ref).then().statusCode(422)
                .body("errors.code", contains("PLAN_CHANGE_NEEDS_DECISION")).body("errors.field", contains("plan"));

        String loanRef = Bodies.reference("SUF");
        created(Bodies.preAnalysisWithLoan(loanRef));
        Map<String, Object> newSchedule = Bodies.preAnalysisWithLoan(loanRef);
        newSchedule.put("loan", map("principal", 600_000, "loanYear", 2021,
                "schedule", List.of(map("year", 2022, "amount", 100_000), map("year", 2023, "amount", 500_000))));
        newSchedule.put("version", 0);
        json().body(newSchedule).put("/api/proposals/{ref}", loanRef).then().statusCode(422)
                .body("errors.code", contains("PLAN_CHANGE_NEEDS_DECISION")).body("errors.field", contains("loan"));
    }

    @Test
    void a_change_that_breaks_a_rule_is_refused_and_changes_nothing() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        Map<String, Object> changed = Bodies.investment(ref);
        changed.put("targets", new ArrayList<>(List.of(map("code", "M1", "type", "MILESTONE", "dueYear", 2027))));
        changed.put("version", 0);
        json().body(changed).put("/api/proposals/{ref}", ref).then().statusCode(422)
                .body("errors.code", contains("NO_FOLLOW_UP_TARGET"));
        json().get("/api/proposals/{ref}", ref).then().body("targets.code", contains("EFF", "M1", "K1")).body("version", num(0));
    }

    @Test
    void the_reference_cannot_change() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        Map<String, Object> changed = Bodies.investment(Bodies.reference("BUF"));
        changed.put("version", 0);
        json().body(changed).put("/api/proposals/{ref}", ref).then().statusCode(422).body("errors.code", contains("REFERENCE_MISMATCH"));
    }

    @Test
    void a_client_may_send_back_what_it_read() {
        String ref = Bodies.reference("BUF");
        Map<String, Object> read = created(Bodies.investment(ref)).extract().as(Map.class);
        read.put("title", "Ændret efter læsning");
        json().body(read).put("/api/proposals/{ref}", ref).then().statusCode(200).body("version", num(1));
    }
}
