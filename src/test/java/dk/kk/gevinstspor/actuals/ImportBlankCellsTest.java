package dk.kk.gevinstspor.actuals;

import static dk.kk.gevinstspor.actuals.ImportApiTest.HEADER_DK;
import static dk.kk.gevinstspor.actuals.ImportApiTest.actualsOf;
import static dk.kk.gevinstspor.actuals.ImportApiTest.adopted;
import static dk.kk.gevinstspor.actuals.ImportApiTest.importCsv;
import static dk.kk.gevinstspor.proposal.Api.ADMIN;
import static dk.kk.gevinstspor.proposal.Api.ADMIN_PASSWORD;
import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.num;
import static dk.kk.gevinstspor.proposal.Api.putActuals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.junit.QuarkusTest;

/**
 * DOMAIN.md Edges 11: a blank cell of an import changes nothing stored (a stored row keeps its amount, KPI value,
 * milestone year and explanation; a new row's blank amount is 0), the domain judges the row as it will be stored,
 * and the dry run lists each change with its old and new value and the rows that change nothing.
 */
@QuarkusTest
class ImportBlankCellsTest {

    private static void stored2027(String ref) {
        putActuals(ref, 2027, Map.of("year", 2027, "investment", 1_000_000, "operationFunding", 0, "operatingCost", 0,
                "serviceEfficiency", 400_000, "transferEffect", 0, "repayment", 0, "kpis", Map.of("K1", 1100),
                "milestones", Map.of("M1", 2027), "explanation", "Effektiviseringen kom senere end planlagt")).statusCode(200);
    }

    @Test
    void blank_kpi_milestone_and_explanation_cells_keep_the_stored_values_and_a_given_kpi_changes() {
        String ref = adopted("SOF");
        stored2027(ref);
        // service efficiency 400.000 deviates 20 % from the plan's 500.000: the stored explanation answers for it
        importCsv(HEADER_DK + "\n" + ref + ";2027;1.000.000;0;0;400.000;0;0;;;\n").statusCode(200)
                .body("rows", num(1)).body("unchanged", num(1)).body("updated", num(0));
        json().get("/api/proposals/{ref}/actuals", ref).then().body("[0].kpis.K1", num(1100)).body("[0].milestones.M1", num(2027))
                .body("[0].explanation", equalTo("Effektiviseringen kom senere end planlagt")).body("[0].version", num(0));

        importCsv(HEADER_DK + "\n" + ref + ";2027;1.000.000;0;0;400.000;0;0;;1.150;\n").statusCode(200).body("updated", num(1));
        json().get("/api/proposals/{ref}/actuals", ref).then().body("[0].kpis.K1", num(1150)).body("[0].milestones.M1", num(2027))
                .body("[0].explanation", equalTo("Effektiviseringen kom senere end planlagt"));
    }

    @Test
    void blank_amount_cells_keep_the_stored_amounts_and_the_check_judges_the_row_as_stored() {
        String ref = adopted("SOF");
        stored2027(ref);
        // only the investment given: the stored 400.000 stays (and with it the stored explanation)
        importCsv(HEADER_DK + "\n" + ref + ";2027;1.000.000,50;;;;;;;;\n").statusCode(200).body("updated", num(1));
        json().get("/api/proposals/{ref}/actuals", ref).then().body("[0].investment", num("1000000.5"))
                .body("[0].serviceEfficiency", num(400_000)).body("[0].kpis.K1", num(1100))
                .body("[0].explanation", equalTo("Effektiviseringen kom senere end planlagt"));
        // a file without the explanation and repayment columns keeps them too
        importCsv("reference;year;investment;operationFunding;operatingCost;serviceEfficiency;transferEffect\n"
                + ref + ";2027;1.000.000;0;0;;0\n").statusCode(200).body("updated", num(1)).body("created", num(0));
        json().get("/api/proposals/{ref}/actuals", ref).then().body("[0].investment", num(1_000_000))
                .body("[0].serviceEfficiency", num(400_000)).body("[0].explanation", equalTo("Effektiviseringen kom senere end planlagt"));
    }

    @Test
    void a_new_rows_blank_amount_is_0_and_its_blank_kpi_no_value_and_it_is_judged_so() {
        String ref = adopted("SOF");
        importCsv(HEADER_DK + "\n" + ref + ";2026;3.000.000;;;;;;;;\n").statusCode(200).body("created", num(1));
        json().get("/api/proposals/{ref}/actuals", ref).then().body("[0].operatingCost", num(0)).body("[0].serviceEfficiency", num(0))
                .body("[0].kpis.size()", equalTo(0)).body("[0].milestones.size()", equalTo(0)).body("[0].explanation", nullValue());
        // 2027 with blank efficiency is 0 against the plan's 500.000: it needs an explanation, and the row names its proposal
        importCsv(HEADER_DK + "\n" + ref + ";2027;1.000.000;0;0;;0;0;;;\n").statusCode(422)
                .body("errors.code", contains("EXPLANATION_REQUIRED")).body("errors[0].reference", equalTo(ref))
                .body("errors[0].title", equalTo("Digital pladsanvisning")).body("errors[0].row", num(2));
    }

    @Test
    void the_lead_of_a_cross_cutting_proposal_leaves_a_kpi_blank_and_the_kpi_stays() {
        String ref = Bodies.reference("KFF");
        Map<String, Object> body = Bodies.investment(ref);
        body.put("administrations", List.of("KFF", "SUF", "BIF"));
        created(body);
        stored2027(ref);
        json().body(Bodies.map("username", "import.blank.kff", "password", "import-password", "roles", List.of("entry"),
                "administrations", List.of("KFF"))).post("/api/users");
        importCsv((HEADER_DK + "\n" + ref + ";2027;1.000.000;0;0;450.000;0;0;;;\n").getBytes(StandardCharsets.UTF_8), "",
                "import.blank.kff", "import-password").statusCode(200).body("updated", num(1));
        json().get("/api/proposals/{ref}/actuals", ref).then().body("[0].serviceEfficiency", num(450_000))
                .body("[0].kpis.K1", num(1100)).body("[0].milestones.M1", num(2027));
    }

    @Test
    void the_dry_run_lists_each_change_old_and_new_and_the_unchanged_rows() {
        String ref = adopted("SOF");
        stored2027(ref);
        String csv = HEADER_DK + "\n" + ref + ";2026;3.000.000;0;0;0;0;0;;;\n"
                + ref + ";2027;1.250.000,50;;;;;;;1.200;\n";
        importCsv(csv.getBytes(StandardCharsets.UTF_8), "?dryRun=true", ADMIN, ADMIN_PASSWORD).statusCode(200)
                .body("created", num(1)).body("updated", num(1)).body("changeCount", num(3))
                .body("changes", hasSize(3))
                .body("changes[0].reference", equalTo(ref)).body("changes[0].year", num(2026))
                .body("changes[0].title", equalTo("Digital pladsanvisning")).body("changes[0].field", equalTo("investment"))
                .body("changes[0].old", nullValue()).body("changes[0]['new']", num(3_000_000))
                .body("changes[1].year", num(2027)).body("changes[1].field", equalTo("investment"))
                .body("changes[1].old", num(1_000_000)).body("changes[1]['new']", num("1250000.5"))
                .body("changes[2].field", equalTo("kpi:K1")).body("changes[2].old", num(1100)).body("changes[2]['new']", num(1200))
                .body("unchangedRows", hasSize(0));
        assertThat(actualsOf(ref)).hasSize(1);

        importCsv((HEADER_DK + "\n" + ref + ";2027;1.000.000;0;0;400.000;0;0;;;\n").getBytes(StandardCharsets.UTF_8), "?dryRun=true",
                ADMIN, ADMIN_PASSWORD).statusCode(200).body("changes", hasSize(0)).body("unchangedRows[0].reference", equalTo(ref)).body("unchangedRows[0].year", num(2027));
        // a stored import lists them when asked; without, the answer is as before
        importCsv((HEADER_DK + "\n" + ref + ";2026;3.000.000;0;0;0;0;0;;;\n").getBytes(StandardCharsets.UTF_8), "?changes=true",
                ADMIN, ADMIN_PASSWORD).statusCode(200).body("changes[0].field", equalTo("investment")).body("dryRun", equalTo(false));
        importCsv(HEADER_DK + "\n" + ref + ";2026;3.000.000;0;0;0;0;0;;;\n").statusCode(200).body("changes", nullValue());
    }
}
