package dk.kk.gevinstspor.proposal;

import static dk.kk.gevinstspor.proposal.Api.create;
import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.evaluation;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.num;
import static dk.kk.gevinstspor.proposal.Api.putActuals;
import static dk.kk.gevinstspor.proposal.Bodies.actuals;
import static dk.kk.gevinstspor.proposal.Bodies.line;
import static dk.kk.gevinstspor.proposal.Bodies.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** DOMAIN.md Edges 1–8 through the API, one test each, on stored proposals and actuals (domain: EdgesTest). */
@QuarkusTest
class EdgesApiTest {

    @Test
    void edge1_two_fagforvaltninger_and_OEKF_are_not_cross_cutting_and_the_reference_data_says_why() {
        json().get("/api/administrations").then().statusCode(200)
                .body("find { it.code == 'ØKF' }.sector", equalTo(false))
                .body("findAll { it.code != 'ØKF' }.sector", everyItem(equalTo(true)));
        String ref = Bodies.reference("BUF");
        Map<String, Object> body = Bodies.investment(ref);
        body.put("administrations", List.of("BUF", "SOF", "ØKF"));
        created(body).body("crossCutting", equalTo(false));
        String three = Bodies.reference("BUF");
        Map<String, Object> cross = Bodies.investment(three);
        cross.put("administrations", List.of("BUF", "SOF", "KFF", "ØKF"));
        created(cross).body("crossCutting", equalTo(true));
    }

    @Test
    void edge2_overspending_a_planned_running_cost_lowers_the_realisation() {
        String ref = Bodies.reference("BUF");
        Map<String, Object> body = Bodies.investment(ref);
        body.put("plan", List.of(line(2026, 3_000_000, 0, 100_000, 0, 0), line(2027, 1_000_000, 0, 100_000, 600_000, 0),
                line(2028, 0, 0, 100_000, 1_600_000, 0), line(2029, 0, 0, 100_000, 2_100_000, 0)));
        created(body);
        Map<String, Object> y2026 = actuals(2026, 3_000_000, 0, 150_000, 0, 0);
        y2026.put("explanation", "Dyrere drift end ventet");
        putActuals(ref, 2026, y2026).statusCode(200);

        evaluation(ref, 2026).statusCode(200)
                .body("realisation.year", num("0.5")).body("realisation.cumulative", num("0.5"))
                .body("status", equalTo("RED"));
    }

    @Test
    void edge3_a_base_investment_with_a_permanent_loss_becomes_fully_implemented() {
        String ref = Bodies.reference("SUF");
        Map<String, Object> body = baseInvestment(ref);
        created(body);
        putActuals(ref, 2026, actuals(2026, 1_000_000, 0, 0, 0, 0)).statusCode(200);
        putActuals(ref, 2027, actuals(2027, 0, 0, 205_000, 0, 0)).statusCode(200);

        evaluation(ref, 2027).statusCode(200)
                .body("fullyImplemented", equalTo(true)).body("fullyImplementedYear", num(2027))
                .body("fullyImplementedConditions.find { it.condition == 'PERMANENT_GAIN_REACHED' }.holds", equalTo(true));
    }

    @Test
    void edge4_effects_not_followed_up_need_no_explanation_and_the_gain_is_not_judged() {
        String ref = Bodies.reference("BIF");
        Map<String, Object> body = Bodies.investment(ref);
        body.put("transfersEffect", true);
        body.put("plan", List.of(line(2026, 500_000, 0, 100_000, 0, 300_000), line(2027, 0, 0, 100_000, 0, 600_000)));
        body.put("targets", new ArrayList<>(List.of(map("code", "EFF", "type", "ECONOMIC"))));
        List<Object> assessments = new ArrayList<>(Bodies.list(body, "assessments"));
        assessments.add(map("type", "ANALYSIS_UNIT", "date", "2025-09-20", "reference", "VA-2025-09", "followUpOnEffects", false));
        body.put("assessments", assessments);
        created(body);
        putActuals(ref, 2026, actuals(2026, 500_000, 0, 100_000, 0, 50_000)).statusCode(200);
        putActuals(ref, 2027, actuals(2027, 0, 0, 100_000, 0, 0)).statusCode(200);
        putActuals(ref, 2027, actuals(2027, 0, 0, 200_000, 0, 0)).statusCode(422)
                .body("errors.field", contains("operatingCost")).body("errors.code", contains("EXPLANATION_REQUIRED"));

        evaluation(ref, 2027).statusCode(200)
                .body("realisation.notDue", equalTo(true))
                .body("fullyImplemented", equalTo(true))
                .body("fullyImplementedConditions.find { it.condition == 'PERMANENT_GAIN_REACHED' }.judged", equalTo(false));
    }

    @Test
    void edge5_a_pre_analysis_is_followed_up_until_its_loan_is_repaid() {
        String ref = Bodies.reference("SUF");
        created(Bodies.preAnalysisWithLoan(ref));
        Map<String, Object> y2021 = actuals(2021, 600_000, 0, 0, 0, 0);
        y2021.put("milestones", map("M1", 2021));
        putActuals(ref, 2021, y2021).statusCode(200);
        Map<String, Object> y2022 = actuals(2022, 0, 0, 0, 0, 0);
        y2022.put("repayment", 300_000);
        putActuals(ref, 2022, y2022).statusCode(200);

        evaluation(ref, 2022).statusCode(200).body("fullyImplemented", equalTo(false))
                .body("fullyImplementedConditions.condition", hasItem("LOAN_REPAID"))
                .body("fullyImplementedConditions.find { it.condition == 'LOAN_REPAID' }.holds", equalTo(false));
        Map<String, Object> y2023 = actuals(2023, 0, 0, 0, 0, 0);
        y2023.put("repayment", 300_000);
        putActuals(ref, 2023, y2023).statusCode(200);
        evaluation(ref, 2023).statusCode(200).body("fullyImplemented", equalTo(true)).body("fullyImplementedYear", num(2023));
    }

    @Test
    void edge6_a_loan_year_outside_the_plan_is_refused() {
        String ref = Bodies.reference("SUF");
        Map<String, Object> body = Bodies.preAnalysisWithLoan(ref);
        body.put("loan", map("principal", 600_000, "loanYear", 2020,
                "schedule", List.of(map("year", 2022, "amount", 600_000))));

        create(body).statusCode(422).body("errors.code", hasItem("LOAN_YEAR_OUTSIDE_PLAN"))
                .body("errors.field", hasItem("loan.loanYear"));
        json().get("/api/proposals/{ref}", ref).then().statusCode(404);
    }

    @Test
    void edge7_a_cancelled_innovation_proposal_keeps_what_it_spent_in_its_frame() {
        String ref = Bodies.reference("KFF");
        Map<String, Object> body = Bodies.investment(ref);
        body.put("kind", "INNOVATION");
        body.put("adoptionYear", 2029);
        body.put("priceLevelYear", 2029);
        body.put("digital", false);
        body.put("newItSystem", false);
        body.put("assessments", new ArrayList<>());
        body.put("expectedInvestmentProposalYear", 2031);
        body.put("plan", List.of(line(2029, 1_000_000, 0, 0, 0, 0), line(2030, 500_000, 0, 0, 0, 0)));
        body.put("targets", new ArrayList<>(List.of(map("code", "M1", "type", "MILESTONE", "description", "Pilot i drift", "dueYear", 2030))));
        created(body);
        Map<String, Object> y2029 = actuals(2029, 600_000, 0, 0, 0, 0);
        y2029.put("explanation", "Piloten blev standset");
        putActuals(ref, 2029, y2029).statusCode(200);
        BigDecimal before = budgetFrame2029();

        long id = json().body(map("type", "CANCELLATION", "description", "Piloten standses", "effectiveYear", 2029))
                .post("/api/proposals/{ref}/decisions", ref).then().statusCode(201).extract().jsonPath().getLong("id");
        for (String[] approval : List.of(new String[] { "COMMITTEE", "2029-11-04" }, new String[] { "FINANCE_COMMITTEE", "2029-11-18" },
                new String[] { "CITY_COUNCIL", "2029-12-02" })) {
            json().body(map("date", approval[1], "caseReference", approval[0] + "-2029"))
                    .put("/api/proposals/{ref}/decisions/{id}/approvals/{body}", ref, id, approval[0]).then().statusCode(200);
        }

        json().get("/api/proposals/{ref}", ref).then().body("cancellation.treasuryReturn", num(900_000));
        assertThat(before.subtract(budgetFrame2029())).as("only the released 900.000 leaves the frame")
                .isEqualByComparingTo(new BigDecimal("900000"));
    }

    @Test
    void edge8_a_later_year_shows_the_year_follow_up_ended() {
        String ref = Bodies.reference("BUF");
        Map<String, Object> body = Bodies.investment(ref);
        body.put("adoptionYear", 2021);
        body.put("priceLevelYear", 2021);
        body.put("plan", List.of(line(2021, 500_000, 0, 0, 0, 0), line(2022, 0, 0, 0, 250_000, 0), line(2023, 0, 0, 0, 500_000, 0)));
        body.put("targets", new ArrayList<>(List.of(map("code", "EFF", "type", "ECONOMIC"))));
        created(body);
        putActuals(ref, 2021, actuals(2021, 500_000, 0, 0, 0, 0)).statusCode(200);
        putActuals(ref, 2022, actuals(2022, 0, 0, 0, 250_000, 0)).statusCode(200);
        putActuals(ref, 2023, actuals(2023, 0, 0, 0, 500_000, 0)).statusCode(200);
        Map<String, Object> y2024 = actuals(2024, 0, 100_000, 0, 100_000, 0);
        y2024.put("explanation", "Ny drift");
        putActuals(ref, 2024, y2024).statusCode(200);

        evaluation(ref, 2024).statusCode(200)
                .body("year", num(2024)).body("followUpYear", num(2023)).body("fullyImplementedYear", num(2023))
                .body("figures.actualGain", num(500_000))
                .body("fullyImplementedConditions.holds", everyItem(equalTo(true)));
    }

    private static Map<String, Object> baseInvestment(String ref) {
        Map<String, Object> body = Bodies.investment(ref);
        body.put("baseInvestment", true);
        body.put("dependentProposals", List.of("SUF-2028-01 Automatisk medicindispensering"));
        body.put("digital", false);
        body.put("newItSystem", false);
        body.put("assessments", new ArrayList<>());
        body.put("plan", List.of(line(2026, 1_000_000, 0, 0, 0, 0), line(2027, 0, 0, 200_000, 0, 0)));
        body.put("targets", new ArrayList<>(List.of(map("code", "EFF", "type", "ECONOMIC"))));
        return body;
    }

    private static BigDecimal budgetFrame2029() {
        return new BigDecimal(json().get("/api/reports/innovation-frames/2029").then().statusCode(200).extract().jsonPath()
                .getString("frames.find { it.frame == 'BUDGET' }.allocated"));
    }
}
