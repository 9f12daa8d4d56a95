package dk.kk.gevinstspor.proposal;

import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.evaluation;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.num;
import static dk.kk.gevinstspor.proposal.Api.putActuals;
import static dk.kk.gevinstspor.proposal.Bodies.actuals;
import static dk.kk.gevinstspor.proposal.Bodies.line;
import static dk.kk.gevinstspor.proposal.Bodies.map;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** DOMAIN.md's worked examples, computed through the API on stored proposals and actuals. */
@QuarkusTest
class EvaluationApiTest {

    @Test
    void the_worked_example_pays_back_in_4_0_years_and_is_green_in_2027_when_figures_follow_the_plan() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        putActuals(ref, 2026, actuals(2026, 2_900_000, 0, 0, 0, 0)).statusCode(200);
        Map<String, Object> y2027 = actuals(2027, 1_000_000, 0, 0, 500_000, 0);
        y2027.put("milestones", map("M1", 2026));
        putActuals(ref, 2027, y2027).statusCode(200);

        evaluation(ref, 2027).statusCode(200)
                .body("reference", equalTo(ref)).body("year", num(2027))
                .body("payback.service", num("4.0")).body("payback.total", num("4.0")).body("payback.simpleService", num("2.0"))
                .body("realisation.year", num(1)).body("realisation.cumulative", num(1))
                .body("spendRatio", num("0.975"))
                .body("status", equalTo("GREEN"))
                .body("targets.code", contains("EFF", "M1", "K1"))
                .body("targets.status", contains("MET", "MET", "NOT_DUE"))
                .body("fullyImplemented", equalTo(false)).body("fullyImplementedYear", nullValue())
                .body("fullyImplementedConditions.condition", contains("PERMANENT_YEAR_REACHED", "PERMANENT_GAIN_REACHED",
                        "NO_POOL_MONEY", "MILESTONES_ACHIEVED", "NOT_CANCELLED"))
                .body("fullyImplementedConditions.holds", contains(false, false, false, true, true))
                .body("loan", nullValue())
                .body("figures.cumulativePlannedPoolMoney", num(4_000_000)).body("figures.cumulativeActualPoolMoney", num(3_900_000))
                .body("findings", org.hamcrest.Matchers.empty());
    }

    @Test
    void e4_realisation_0_867_is_amber_in_2023_and_fully_implemented_in_2024() {
        String ref = Bodies.reference("BUF");
        Map<String, Object> body = Bodies.investment(ref);
        body.put("adoptionYear", 2021);
        body.put("priceLevelYear", 2021);
        body.put("plan", List.of(line(2021, 500_000, 0, 0, 0, 0), line(2022, 0, 0, 0, 250_000, 0), line(2023, 0, 0, 0, 500_000, 0)));
        body.put("targets", new ArrayList<>(List.of(map("code", "EFF", "type", "ECONOMIC"))));
        created(body);
        putActuals(ref, 2021, actuals(2021, 500_000, 0, 0, 0, 0)).statusCode(200);
        putActuals(ref, 2022, actuals(2022, 0, 0, 0, 250_000, 0)).statusCode(200);
        Map<String, Object> y2023 = actuals(2023, 0, 0, 0, 400_000, 0);
        y2023.put("explanation", "Færre sager end ventet");
        putActuals(ref, 2023, y2023).statusCode(200);
        putActuals(ref, 2024, actuals(2024, 0, 0, 0, 500_000, 0)).statusCode(200);

        evaluation(ref, 2023).statusCode(200)
                .body("realisation.cumulative", num("0.867")).body("status", equalTo("AMBER"))
                .body("fullyImplemented", equalTo(false))
                .body("fullyImplementedConditions.find { it.condition == 'PERMANENT_GAIN_REACHED' }.holds", equalTo(false));
        evaluation(ref, 2024).statusCode(200)
                .body("fullyImplemented", equalTo(true)).body("fullyImplementedYear", num(2024));
    }

    @Test
    void e5_a_loan_is_on_schedule_in_2022_and_repaid_in_2023() {
        String ref = Bodies.reference("SUF");
        created(Bodies.preAnalysisWithLoan(ref));
        putActuals(ref, 2021, actuals(2021, 600_000, 0, 0, 0, 0)).statusCode(200);
        Map<String, Object> y2022 = actuals(2022, 0, 0, 0, 0, 0);
        y2022.put("repayment", 300_000);
        putActuals(ref, 2022, y2022).statusCode(200);
        evaluation(ref, 2022).statusCode(200)
                .body("loan.status", equalTo("ON_SCHEDULE")).body("loan.scheduledToDate", num(300_000))
                .body("loan.repaidToDate", num(300_000)).body("loan.outstanding", num(300_000));
        Map<String, Object> y2023 = actuals(2023, 0, 0, 0, 0, 0);
        y2023.put("repayment", 300_000);
        putActuals(ref, 2023, y2023).statusCode(200);
        evaluation(ref, 2023).statusCode(200).body("loan.status", equalTo("REPAID")).body("loan.outstanding", num(0));
    }

    @Test
    void e2_pays_back_within_the_first_year_and_e7_in_1_5_years() {
        String e2 = Bodies.reference("KFF");
        Map<String, Object> body = Bodies.investment(e2);
        body.put("plan", List.of(line(2021, 100_000, 0, 0, 200_000, 0), line(2022, 0, 0, 0, 200_000, 0)));
        created(body);
        evaluation(e2, 2022).statusCode(200).body("payback.service", num("0.5")).body("payback.simpleService", num("0.5"));

        String e7 = Bodies.reference("KFF");
        body = Bodies.investment(e7);
        body.put("plan", List.of(line(2021, 0, 0, 0, 100_000, 0), line(2022, 150_000, 0, 0, 100_000, 0), line(2023, 0, 0, 0, 100_000, 0)));
        created(body);
        evaluation(e7, 2023).statusCode(200).body("payback.service", num("1.5"));
    }

    @Test
    void a_proposal_with_effect_on_transfers_is_judged_on_the_total_economy() {
        String ref = Bodies.reference("BIF");
        Map<String, Object> body = Bodies.investment(ref);
        body.put("transfersEffect", true);
        body.put("assessments", List.of(map("type", "ANALYSIS_UNIT", "date", "2025-10-01", "reference", "VA-1", "followUpOnEffects", true),
                map("type", "KONCERN_IT"), map("type", "OEKONOMIKREDS")));
        body.put("plan", List.of(line(2026, 1_000_000, 0, 0, 0, 0), line(2027, 0, 0, 0, 100_000, 400_000)));
        created(body).body("findings", org.hamcrest.Matchers.empty());
        evaluation(ref, 2027).statusCode(200).body("payback.service", num("11.0")).body("payback.total", num("3.0"));
    }

    @Test
    void a_year_before_the_plan_is_not_started_and_the_default_year_is_the_last_completed_one() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        evaluation(ref, 2025).statusCode(200).body("status", equalTo("NOT_STARTED"));
        json().get("/api/proposals/{ref}/evaluation", ref).then().statusCode(200).body("year", num(2029)).body("status", equalTo("MISSING"));
        json().get("/api/proposals/{ref}/evaluation?year=soon", ref).then().statusCode(400).contentType("application/problem+json");
        json().get("/api/proposals/{ref}/evaluation", "BUF-NO-SUCH").then().statusCode(404);
    }
}
