package dk.kk.gevinstspor.decision;

import static dk.kk.gevinstspor.proposal.Api.as;
import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.evaluation;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.num;
import static dk.kk.gevinstspor.proposal.Api.putActuals;
import static dk.kk.gevinstspor.proposal.Bodies.line;
import static dk.kk.gevinstspor.proposal.Bodies.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;


import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.proposal.Api;
import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Change decisions (API.md, DOMAIN.md "Changes after adoption"): pending until three approvals, then in effect. */
@QuarkusTest
class DecisionApiTest {

    static final String PASSWORD = "decision-test-password";
    static final String ADMIN = "admin";

    /** The adopted plan of {@link Bodies#investment}, changed from 2028: a lower permanent efficiency. */
    static List<Map<String, Object>> lowerEfficiencyFrom2028() {
        return new ArrayList<>(List.of(
                line(2026, 3_000_000, 0, 0, 0, 0),
                line(2027, 1_000_000, 0, 0, 500_000, 0),
                line(2028, 0, 0, 0, 1_200_000, 0),
                line(2029, 0, 0, 0, 1_800_000, 0)));
    }

    static ValidatableResponse decide(String ref, Map<String, Object> decision) {
        return json().body(decision).post("/api/proposals/{ref}/decisions", ref).then();
    }

    static long pending(String ref, Map<String, Object> decision) {
        return decide(ref, decision).statusCode(201).extract().jsonPath().getLong("id");
    }

    static ValidatableResponse approve(String user, String ref, long id, String body, String date, String caseReference) {
        return as(user, passwordOf(user)).body(map("date", date, "caseReference", caseReference))
                .put("/api/proposals/{ref}/decisions/{id}/approvals/{body}", ref, id, body).then();
    }

    static ValidatableResponse approve(String ref, long id, String body) {
        return json().body(map("date", "2026-05-12", "caseReference", body + "-2026-1"))
                .put("/api/proposals/{ref}/decisions/{id}/approvals/{body}", ref, id, body).then();
    }

    static String passwordOf(String user) {
        return user.equals("admin") ? "admin-test-password" : PASSWORD;
    }

    static String user(String role, List<String> administrations) {
        String name = "dec." + role + "." + UUID.randomUUID().toString().substring(0, 6);
        json().body(map("username", name, "password", PASSWORD, "roles", List.of(role), "administrations", administrations))
                .post("/api/users").then().statusCode(201);
        return name;
    }

    @Test
    void a_plan_change_is_pending_until_the_third_approval_then_a_new_plan_version_applies_from_its_year() {
        String ref = Bodies.reference("KFF");
        created(Bodies.investment(ref));
        String approver = user("admin", List.of());

        ValidatableResponse made = decide(ref, map("type", "AMOUNT_DEVIATION", "description", "Færre sager end forudsat",
                "effectiveYear", 2028, "plan", lowerEfficiencyFrom2028()));
        long id = made.statusCode(201).extract().jsonPath().getLong("id");
        made.header("Location", endsWith("/api/proposals/" + ref + "/decisions/" + id))
                .body("status", equalTo("PENDING")).body("type", equalTo("AMOUNT_DEVIATION"))
                .body("effectiveYear", equalTo(2028)).body("approvals", hasSize(0)).body("createdBy", equalTo("admin"))
                .body("plan", hasSize(4)).body("plan[2].serviceEfficiency", num(1_200_000)).body("approvedAt", nullValue());

        approve(approver, ref, id, "COMMITTEE", "2026-04-20", "KFU 2026-12").statusCode(200)
                .body("status", equalTo("PENDING")).body("approvals", hasSize(1)).body("nextApprovals", equalTo(List.of("FINANCE_COMMITTEE")));
        approve(approver, ref, id, "FINANCE_COMMITTEE", "2026-05-04", "ØU 2026-77").statusCode(200)
                .body("status", equalTo("PENDING")).body("approvals", hasSize(2))
                .body("approvals[0].body", equalTo("COMMITTEE")).body("approvals[0].date", equalTo("2026-04-20"))
                .body("approvals[0].caseReference", equalTo("KFU 2026-12")).body("nextApprovals", equalTo(List.of("CITY_COUNCIL")));
        // the same approval again changes nothing
        approve(approver, ref, id, "COMMITTEE", "2026-04-20", "KFU 2026-12").statusCode(200)
                .body("status", equalTo("PENDING")).body("approvals", hasSize(2));
        // two of three: pending, the plan as adopted
        json().get("/api/proposals/{ref}", ref).then().statusCode(200)
                .body("plan[2].serviceEfficiency", num(1_500_000)).body("plan[3].serviceEfficiency", num(2_000_000));
        assertThat(pendingInMajbidrag(ref)).isEqualTo(1);

        approve(approver, ref, id, "CITY_COUNCIL", "2026-05-21", "BR 2026-301").statusCode(200)
                .body("status", equalTo("APPROVED")).body("approvals", hasSize(3)).body("approvedAt", notNullValue())
                .body("nextApprovals", hasSize(0));

        json().get("/api/proposals/{ref}", ref).then().statusCode(200)
                .body("plan[0].investment", num(3_000_000)).body("plan[1].serviceEfficiency", num(500_000))
                .body("plan[2].serviceEfficiency", num(1_200_000)).body("plan[3].serviceEfficiency", num(1_800_000));
        assertThat(pendingInMajbidrag(ref)).isZero();
        json().get("/api/proposals/{ref}/decisions/{id}", ref, id).then().statusCode(200).body("status", equalTo("APPROVED"));
        json().get("/api/proposals/{ref}/decisions", ref).then().statusCode(200).body("$", hasSize(1));

        // evaluation follows the approved version: planned gain 2028 is 1.200.000, no longer 1.500.000
        putActuals(ref, 2026, Bodies.actuals(2026, 3_000_000, 0, 0, 0, 0)).statusCode(200);
        putActuals(ref, 2027, Bodies.actuals(2027, 1_000_000, 0, 0, 500_000, 0)).statusCode(200);
        putActuals(ref, 2028, Bodies.actuals(2028, 0, 0, 0, 1_200_000, 0)).statusCode(200);
        evaluation(ref, 2028).statusCode(200)
                .body("figures.plannedGain", num(1_200_000)).body("figures.cumulativePlannedGain", num(1_700_000))
                .body("realisation.cumulative", num(1));

        // the baseline stays beside the new version, and the history says who approved
        List<Map<String, Object>> rows = json().get("/api/proposals/{ref}/history", ref).then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry("entity", "plan").containsEntry("item", "version 1")
                .containsEntry("field", "(oprettet)").containsEntry("user", "admin"));
        assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry("entity", "plan").containsEntry("item", "version 2")
                .containsEntry("field", "(oprettet)").containsEntry("user", approver));
        assertThat(rows).anySatisfy(r -> assertThat((String) r.get("new")).contains("effectiveFromYear=2028")
                .contains("plan 2028=investment 0, operationFunding 0, operatingCost 0, serviceEfficiency 1200000"));
        String item = "#" + id + " AMOUNT_DEVIATION";
        assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry("entity", "decision").containsEntry("item", item)
                .containsEntry("field", "(oprettet)").containsEntry("user", "admin"));
        assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry("entity", "decision").containsEntry("item", item)
                .containsEntry("field", "status").containsEntry("old", "PENDING").containsEntry("new", "APPROVED")
                .containsEntry("user", approver));
        for (String body : List.of("COMMITTEE", "FINANCE_COMMITTEE", "CITY_COUNCIL")) {
            assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry("entity", "approval").containsEntry("item", "#" + id + " " + body)
                    .containsEntry("field", "(oprettet)").containsEntry("user", approver));
        }
        // the plan version and the decision's approval share the revision of the third approval
        Object revision = rows.stream().filter(r -> "version 2".equals(r.get("item"))).findFirst().orElseThrow().get("revision");
        assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry("item", "#" + id + " CITY_COUNCIL").containsEntry("revision", revision));
    }

    @Test
    void an_approval_with_other_values_replaces_the_recorded_one() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        long id = pending(ref, map("type", "ASSUMPTION_CHANGE", "description", "Ny leverandør", "effectiveYear", 2027));
        approve(ref, id, "COMMITTEE").statusCode(200);
        json().body(map("date", "2026-06-01", "caseReference", "BUU 2026-9"))
                .put("/api/proposals/{ref}/decisions/{id}/approvals/COMMITTEE", ref, id).then().statusCode(200)
                .body("approvals", hasSize(1)).body("approvals[0].date", equalTo("2026-06-01"))
                .body("approvals[0].caseReference", equalTo("BUU 2026-9"));
        // an assumption change without plan is approved and changes nothing but its status
        approve(ADMIN, ref, id, "FINANCE_COMMITTEE", "2026-06-15", "ØU 2026-40").statusCode(200);
        approve(ADMIN, ref, id, "CITY_COUNCIL", "2026-06-25", "BR 2026-50").statusCode(200).body("status", equalTo("APPROVED"))
                .body("plan", nullValue());
        json().get("/api/proposals/{ref}", ref).then().body("status", equalTo("ADOPTED")).body("plan[2].serviceEfficiency", num(1_500_000));
    }

    /**
     * Worked example: planned pool money 3.000.000 + 1.000.000 = 4.000.000; spent 3.000.000 (2026) + 600.000
     * (2027); cancelled with effect from 2027 → 4.000.000 − 3.600.000 = 400.000 returns to the treasury. The
     * 200.000 spent in 2028, after the effective year, does not count.
     */
    @Test
    void an_approved_cancellation_cancels_the_proposal_and_returns_the_unspent_pool_money() {
        String ref = Bodies.reference("KFF");
        created(Bodies.investment(ref));
        putActuals(ref, 2026, Bodies.actuals(2026, 3_000_000, 0, 0, 0, 0)).statusCode(200);
        Map<String, Object> y2027 = Bodies.actuals(2027, 600_000, 0, 0, 100_000, 0);
        y2027.put("explanation", "Projektet er sat i bero");
        putActuals(ref, 2027, y2027).statusCode(200);
        Map<String, Object> y2028 = Bodies.actuals(2028, 200_000, 0, 0, 0, 0);
        y2028.put("explanation", "Afvikling af kontrakt");
        putActuals(ref, 2028, y2028).statusCode(200);

        long id = decide(ref, map("type", "CANCELLATION", "description", "Leverandøren gik konkurs", "effectiveYear", 2027))
                .statusCode(201).body("plan", nullValue()).body("schedule", nullValue()).extract().jsonPath().getLong("id");
        approve(ref, id, "COMMITTEE").statusCode(200).body("status", equalTo("PENDING"));
        approve(ref, id, "FINANCE_COMMITTEE").statusCode(200).body("status", equalTo("PENDING"));
        json().get("/api/proposals/{ref}", ref).then().body("status", equalTo("ADOPTED")).body("cancellation", nullValue());
        approve(ref, id, "CITY_COUNCIL").statusCode(200).body("status", equalTo("APPROVED"));

        json().get("/api/proposals/{ref}", ref).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancellation.effectiveYear", equalTo(2027))
                .body("cancellation.treasuryReturn", num(400_000));
        evaluation(ref, 2027).statusCode(200).body("cancelled", equalTo(true));

        // a cancelled proposal takes no further decisions
        decide(ref, map("type", "ASSUMPTION_CHANGE", "description", "For sent", "effectiveYear", 2028)).statusCode(422)
                .body("errors.code", hasItem("PROPOSAL_CANCELLED"));
        List<Map<String, Object>> rows = json().get("/api/proposals/{ref}/history", ref).then().extract().jsonPath().getList("$");
        assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry("entity", "proposal").containsEntry("field", "status")
                .containsEntry("old", "ADOPTED").containsEntry("new", "CANCELLED"));
    }

    @Test
    void a_pending_decision_cannot_take_effect_on_a_proposal_cancelled_in_the_meantime() {
        String ref = Bodies.reference("SOF");
        created(Bodies.investment(ref));
        long change = pending(ref, map("type", "AMOUNT_DEVIATION", "description", "Lavere gevinst", "effectiveYear", 2028,
                "plan", lowerEfficiencyFrom2028()));
        long cancel = pending(ref, map("type", "CANCELLATION", "description", "Stop", "effectiveYear", 2026));
        for (String body : List.of("COMMITTEE", "FINANCE_COMMITTEE", "CITY_COUNCIL")) {
            approve(ref, cancel, body).statusCode(200);
        }
        approve(ref, change, "COMMITTEE").statusCode(200);
        approve(ref, change, "FINANCE_COMMITTEE").statusCode(200);
        approve(ref, change, "CITY_COUNCIL").statusCode(422).body("errors.code", hasItem("PROPOSAL_CANCELLED"));
        // nothing half-written: the third approval is not recorded, the plan is the adopted one
        json().get("/api/proposals/{ref}/decisions/{id}", ref, change).then().body("status", equalTo("PENDING"))
                .body("approvals", hasSize(2));
        json().get("/api/proposals/{ref}", ref).then().body("plan[2].serviceEfficiency", num(1_500_000));
    }

    @Test
    void an_approved_schedule_replaces_the_loans_schedule() {
        String ref = Bodies.reference("SUF");
        created(Bodies.preAnalysisWithLoan(ref));
        decide(ref, map("type", "ASSUMPTION_CHANGE", "description", "Afdrag udskudt", "effectiveYear", 2022,
                "schedule", List.of(map("year", 2022, "amount", 100_000), map("year", 2023, "amount", 300_000))))
                .statusCode(422).body("errors.code", hasItem("LOAN_SCHEDULE_SUM"));
        decide(ref, map("type", "ASSUMPTION_CHANGE", "description", "Afdrag udskudt", "effectiveYear", 2022,
                "schedule", List.of(map("year", 2022, "amount", 100_000), map("year", 2028, "amount", 500_000))))
                .statusCode(422).body("errors.code", hasItem("LOAN_OVER_6_YEARS"));

        long id = pending(ref, map("type", "ASSUMPTION_CHANGE", "description", "Afdrag udskudt", "effectiveYear", 2022,
                "schedule", List.of(map("year", 2022, "amount", 100_000), map("year", 2023, "amount", 200_000),
                        map("year", 2024, "amount", 300_000))));
        for (String body : List.of("COMMITTEE", "FINANCE_COMMITTEE")) {
            approve(ref, id, body).statusCode(200);
        }
        json().get("/api/proposals/{ref}", ref).then().body("loan.schedule", hasSize(2));
        approve(ref, id, "CITY_COUNCIL").statusCode(200).body("status", equalTo("APPROVED")).body("schedule", hasSize(3));

        json().get("/api/proposals/{ref}", ref).then().statusCode(200)
                .body("loan.principal", num(600_000)).body("loan.schedule", hasSize(3))
                .body("loan.schedule[0].year", equalTo(2022)).body("loan.schedule[0].amount", num(100_000))
                .body("loan.schedule[2].year", equalTo(2024)).body("loan.schedule[2].amount", num(300_000));
        evaluation(ref, 2023).statusCode(200).body("loan.scheduledToDate", num(300_000));
        List<Map<String, Object>> rows = json().get("/api/proposals/{ref}/history", ref).then().extract().jsonPath().getList("$");
        assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry("entity", "loan").containsEntry("field", "schedule")
                .containsEntry("old", "2022: 300000, 2023: 300000").containsEntry("new", "2022: 100000, 2023: 200000, 2024: 300000"));
    }

    @Test
    void plan_lines_and_loan_schedules_are_checked_alike_when_a_proposal_is_adopted_and_when_a_decision_changes_it() {
        String ref = Bodies.reference("SUF");
        List<Map<String, Object>> twice2022 = List.of(map("year", 2022, "amount", 300_000), map("year", 2022, "amount", 300_000));
        List<Map<String, Object>> tooLarge = List.of(line(2021, 600_000, 0, 0, 0, 0));
        tooLarge.get(0).put("investment", new java.math.BigDecimal("10000000000000"));
        String duplicate = "Året 2022 står mere end én gang i tilbagebetalingsplanen";
        String large = "Beløbet er for stort (højst 9.999.999.999.999,99 kr.)";

        Map<String, Object> withDuplicate = Bodies.preAnalysisWithLoan(ref);
        withDuplicate.put("loan", map("principal", 600_000, "loanYear", 2021, "schedule", twice2022));
        json().body(withDuplicate).post("/api/proposals").then().statusCode(422)
                .body("errors.find { it.code == 'LOAN_YEAR_DUPLICATE' }.field", equalTo("loan.schedule[1].year"))
                .body("errors.find { it.code == 'LOAN_YEAR_DUPLICATE' }.message", equalTo(duplicate));
        Map<String, Object> withLargeAmount = Bodies.preAnalysisWithLoan(ref);
        withLargeAmount.put("plan", tooLarge);
        json().body(withLargeAmount).post("/api/proposals").then().statusCode(422)
                .body("errors.find { it.code == 'AMOUNT_TOO_LARGE' }.field", equalTo("plan[0].investment"))
                .body("errors.find { it.code == 'AMOUNT_TOO_LARGE' }.message", equalTo(large));

        created(Bodies.preAnalysisWithLoan(ref));
        decide(ref, map("type", "ASSUMPTION_CHANGE", "description", "Afdrag flyttet", "effectiveYear", 2022,
                "schedule", twice2022)).statusCode(422)
                .body("errors.find { it.code == 'LOAN_YEAR_DUPLICATE' }.field", equalTo("schedule[1].year"))
                .body("errors.find { it.code == 'LOAN_YEAR_DUPLICATE' }.message", equalTo(duplicate));
        decide(ref, map("type", "AMOUNT_DEVIATION", "description", "Dyrere", "effectiveYear", 2021, "plan", tooLarge))
                .statusCode(422)
                .body("errors.find { it.code == 'AMOUNT_TOO_LARGE' }.field", equalTo("plan[0].investment"))
                .body("errors.find { it.code == 'AMOUNT_TOO_LARGE' }.message", equalTo(large));
    }

    @Test
    void invalid_decisions_are_refused_with_their_codes() {
        String ref = Bodies.reference("BIF");
        created(Bodies.investment(ref));
        // rewriting 2027, a year before the effective year 2028
        List<Map<String, Object>> rewritesPast = lowerEfficiencyFrom2028();
        rewritesPast.set(1, line(2027, 1_100_000, 0, 0, 500_000, 0));
        decide(ref, map("type", "AMOUNT_DEVIATION", "description", "x", "effectiveYear", 2028, "plan", rewritesPast))
                .statusCode(422).body("errors.code", hasItem("PLAN_PAST_YEAR_CHANGED"));
        // the same plan from 2027 is a valid change
        decide(ref, map("type", "AMOUNT_DEVIATION", "description", "x", "effectiveYear", 2027, "plan", rewritesPast))
                .statusCode(201);
        // a schedule on a proposal without a loan
        decide(ref, map("type", "REALLOCATION", "description", "x", "effectiveYear", 2027,
                "schedule", List.of(map("year", 2027, "amount", 1)))).statusCode(422)
                .body("errors.code", hasItem("SCHEDULE_WITHOUT_LOAN"));
        // a cancellation carries neither plan nor schedule
        decide(ref, map("type", "CANCELLATION", "description", "x", "effectiveYear", 2027, "plan", lowerEfficiencyFrom2028()))
                .statusCode(422).body("errors.code", hasItem("PLAN_NOT_ALLOWED"));
        // an amount deviation changes amounts
        decide(ref, map("type", "AMOUNT_DEVIATION", "description", "x", "effectiveYear", 2027)).statusCode(422)
                .body("errors.code", hasItem("PLAN_OR_SCHEDULE_REQUIRED"));
        // the changed plan is checked by the domain: pool money in the permanent year, a gap
        List<Map<String, Object>> poolInP = lowerEfficiencyFrom2028();
        poolInP.set(3, line(2029, 100_000, 0, 0, 1_800_000, 0));
        decide(ref, map("type", "AMOUNT_DEVIATION", "description", "x", "effectiveYear", 2028, "plan", poolInP))
                .statusCode(422).body("errors.code", hasItem("POOL_FUNDS_PERMANENT_OPERATION"));
        List<Map<String, Object>> gap = lowerEfficiencyFrom2028();
        gap.remove(2);
        decide(ref, map("type", "AMOUNT_DEVIATION", "description", "x", "effectiveYear", 2028, "plan", gap))
                .statusCode(422).body("errors.code", hasItem("PLAN_YEAR_GAP"));
        // request shape
        decide(ref, map("type", "CANCELLATION", "effectiveYear", 2027)).statusCode(422);
        decide(ref, map("type", "SOMETHING", "description", "x", "effectiveYear", 2027)).statusCode(400);
        json().body(map("caseReference", "x")).put("/api/proposals/{ref}/decisions/1/approvals/COMMITTEE", ref).then()
                .statusCode(422);
        // unknown proposal, decision, body
        decide("XXX-NONE", map("type", "CANCELLATION", "description", "x", "effectiveYear", 2027)).statusCode(404);
        json().get("/api/proposals/{ref}/decisions/{id}", ref, Long.MAX_VALUE).then().statusCode(404);
        long id = pending(ref, map("type", "ASSUMPTION_CHANGE", "description", "x", "effectiveYear", 2027));
        json().body(map("date", "2026-05-12", "caseReference", "x"))
                .put("/api/proposals/{ref}/decisions/{id}/approvals/MAYOR", ref, id).then().statusCode(404);
        json().get("/api/proposals/{ref}/decisions", ref).then().body("$", hasSize(2));
    }

    @Test
    void only_an_admin_records_decisions_and_approvals_while_every_signed_in_user_reads_them() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        long id = pending(ref, map("type", "ASSUMPTION_CHANGE", "description", "x", "effectiveYear", 2027));
        String viewer = user("viewer", List.of());
        String entry = user("entry", List.of("BUF"));
        for (String who : List.of(viewer, entry)) {
            as(who, PASSWORD).body(map("type", "CANCELLATION", "description", "x", "effectiveYear", 2027))
                    .post("/api/proposals/{ref}/decisions", ref).then().statusCode(403);
            as(who, PASSWORD).body(map("date", "2026-05-12", "caseReference", "x"))
                    .put("/api/proposals/{ref}/decisions/{id}/approvals/COMMITTEE", ref, id).then().statusCode(403);
            as(who, PASSWORD).get("/api/proposals/{ref}/decisions", ref).then().statusCode(200).body("$", hasSize(1));
            as(who, PASSWORD).get("/api/proposals/{ref}/decisions/{id}", ref, id).then().statusCode(200)
                    .body("approvals", hasSize(0));
        }
        Api.anonymous().get("/api/proposals/{ref}/decisions", ref).then().statusCode(401);
        json().get("/api/proposals/{ref}", ref).then().body("status", equalTo("ADOPTED"));
    }

    /** The proposal's pending decisions as KFU's majbidrag for 2028 counts them. */
    private static int pendingInMajbidrag(String ref) {
        io.restassured.path.json.JsonPath report = json().get("/api/reports/majbidrag/2028?committee=KFU").then().statusCode(200)
                .extract().jsonPath();
        int row = report.getList("rows.reference").indexOf(ref);
        assertThat(row).isNotNegative();
        return report.getInt("rows[" + row + "].pendingDecisions");
    }
}
