package dk.kk.gevinstspor.actuals;

import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.num;
import static dk.kk.gevinstspor.proposal.Api.putActuals;
import static dk.kk.gevinstspor.proposal.Bodies.actuals;
import static dk.kk.gevinstspor.proposal.Bodies.map;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.junit.QuarkusTest;

/** Entering a year's actual figures over HTTP (the test clock says 1 March 2030). */
@QuarkusTest
class ActualsApiTest {

    private static String adopted() {
        String ref = Bodies.reference("SUF");
        created(Bodies.investment(ref));
        return ref;
    }

    @Test
    void a_year_is_stored_and_the_same_values_again_keep_the_version() {
        String ref = adopted();
        Map<String, Object> year = actuals(2026, 2_900_000, 0, 0, 0, 0);
        putActuals(ref, 2026, year).statusCode(200).body("year", num(2026)).body("investment", num(2900000))
                .body("repayment", num(0)).body("version", num(0));
        putActuals(ref, 2026, year).statusCode(200).body("version", num(0));
        year.put("version", 17);
        putActuals(ref, 2026, year).statusCode(200).body("version", num(0));
    }

    @Test
    void a_correction_needs_the_current_version() {
        String ref = adopted();
        putActuals(ref, 2026, actuals(2026, 2_900_000, 0, 0, 0, 0)).statusCode(200);
        Map<String, Object> corrected = actuals(2026, 2_950_000, 0, 0, 0, 0);
        putActuals(ref, 2026, corrected).statusCode(409).contentType("application/problem+json");
        corrected.put("version", 0);
        putActuals(ref, 2026, corrected).statusCode(200).body("investment", num(2950000)).body("version", num(1));
        corrected.put("investment", 2_960_000);
        putActuals(ref, 2026, corrected).statusCode(409);
        json().get("/api/proposals/{ref}/actuals", ref).then().statusCode(200).body("investment", contains(num(2950000)));
    }

    @Test
    void a_deviation_above_five_percent_needs_an_explanation_for_each_field_that_deviates() {
        String ref = adopted();
        Map<String, Object> year = actuals(2027, 800_000, 0, 0, 400_000, 0);
        putActuals(ref, 2027, year).statusCode(422)
                .body("errors.field", containsInAnyOrder("investment", "serviceEfficiency"))
                .body("errors.code", contains("EXPLANATION_REQUIRED", "EXPLANATION_REQUIRED"));
        json().get("/api/proposals/{ref}/actuals", ref).then().body("$", org.hamcrest.Matchers.empty());
        year.put("explanation", "Udrulningen blev forsinket af udbuddet");
        putActuals(ref, 2027, year).statusCode(200).body("explanation", equalTo("Udrulningen blev forsinket af udbuddet"));
    }

    @Test
    void a_deviation_of_five_percent_or_less_needs_no_explanation() {
        String ref = adopted();
        putActuals(ref, 2026, actuals(2026, 3_150_000, 0, 0, 0, 0)).statusCode(200);
    }

    @Test
    void years_before_the_plan_and_after_this_year_are_refused_but_years_after_the_plan_are_not() {
        String ref = adopted();
        putActuals(ref, 2025, actuals(2025, 0, 0, 0, 0, 0)).statusCode(422).body("errors.code", contains("YEAR_OUT_OF_RANGE"));
        putActuals(ref, 2031, actuals(2031, 0, 0, 0, 2_000_000, 0)).statusCode(422).body("errors.code", contains("YEAR_OUT_OF_RANGE"));
        putActuals(ref, 2030, actuals(2030, 0, 0, 0, 2_000_000, 0)).statusCode(200);
    }

    @Test
    void figures_that_do_not_fit_the_proposal_are_refused_with_each_error() {
        String ref = adopted();
        Map<String, Object> year = actuals(2026, 3_000_000, 0, -1, 0, 5_000);
        year.put("repayment", 100);
        year.put("kpis", map("K9", 10));
        year.put("milestones", map("M1", 2027));
        putActuals(ref, 2026, year).statusCode(422)
                .body("errors.code", containsInAnyOrder("AMOUNT_NEGATIVE", "TRANSFER_EFFECT_WITHOUT_FLAG", "REPAYMENT_WITHOUT_LOAN",
                        "UNKNOWN_KPI", "MILESTONE_IN_FUTURE"));
    }

    @Test
    void the_year_in_the_path_and_the_body_must_agree() {
        String ref = adopted();
        putActuals(ref, 2027, actuals(2026, 3_000_000, 0, 0, 0, 0)).statusCode(422).body("errors.code", hasItem("YEAR_MISMATCH"));
    }

    @Test
    void kpis_and_milestones_are_stored_with_the_year() {
        String ref = adopted();
        Map<String, Object> year = actuals(2028, 0, 0, 0, 1_500_000, 0);
        year.put("kpis", map("K1", 1100.5));
        year.put("milestones", map("M1", 2027));
        putActuals(ref, 2028, year).statusCode(200).body("kpis.K1", num("1100.5")).body("milestones.M1", num(2027));
        putActuals(ref, 2026, actuals(2026, 3_000_000, 0, 0, 0, 0)).statusCode(200);
        json().get("/api/proposals/{ref}/actuals", ref).then().statusCode(200).body("year", contains(num(2026), num(2028)));
    }

    @Test
    void actuals_of_an_unknown_proposal_are_a_404() {
        putActuals("BUF-NO-SUCH", 2026, actuals(2026, 0, 0, 0, 0, 0)).statusCode(404).contentType("application/problem+json");
        json().get("/api/proposals/{ref}/actuals", "BUF-NO-SUCH").then().statusCode(404);
    }
}
