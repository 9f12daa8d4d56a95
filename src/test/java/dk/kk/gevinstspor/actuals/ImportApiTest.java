package dk.kk.gevinstspor.actuals;

import static dk.kk.gevinstspor.proposal.Api.ADMIN;
import static dk.kk.gevinstspor.proposal.Api.ADMIN_PASSWORD;
import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.num;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Bulk import of actuals: formats, all or nothing, every row error, idempotence, permissions, history. */
@QuarkusTest
class ImportApiTest {

    static final String HEADER_DK = "reference;year;investment;operationFunding;operatingCost;serviceEfficiency;transferEffect;repayment;explanation;kpi:K1;milestone:M1";

    static String adopted(String administration) {
        String ref = Bodies.reference(administration);
        created(Bodies.investment(ref));
        return ref;
    }

    static ValidatableResponse importCsv(String csv) {
        return importCsv(csv.getBytes(StandardCharsets.UTF_8), "", ADMIN, ADMIN_PASSWORD);
    }

    static ValidatableResponse importCsv(byte[] csv, String query, String user, String password) {
        return given().auth().preemptive().basic(user, password).contentType("text/csv").body(csv)
                .post("/api/imports/actuals" + query).then();
    }

    static ValidatableResponse upload(byte[] file, String name) {
        return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).multiPart("file", name, new ByteArrayInputStream(file))
                .post("/api/imports/actuals").then();
    }

    static List<Map<String, Object>> actualsOf(String ref) {
        return json().get("/api/proposals/{ref}/actuals", ref).then().statusCode(200).extract().jsonPath().getList("$");
    }

    @Test
    void danish_csv_international_csv_and_xlsx_store_the_same_figures() throws IOException {
        String a = adopted("BUF");
        String b = adopted("BUF");
        String c = adopted("BUF");
        String danish = "\uFEFF" + HEADER_DK + "\r\n"
                + a + ";2026;2.900.000,50;0;0;0;0;0;\"Udbud; billigere\";;2026\r\n"
                + a + ";2027;1.000.000;0;0;500.000;0;0;;1.100,5;\r\n";
        importCsv(danish).statusCode(200).body("rows", num(2)).body("created", num(2)).body("unchanged", num(0));

        String international = "reference,year,investment,operationFunding,operatingCost,serviceEfficiency,transferEffect,repayment,explanation,kpi:K1,milestone:M1\n"
                + b + ",2026,2900000.50,0,0,0,0,0,\"Udbud; billigere\",,2026\n"
                + b + ",2027,1000000,0,0,500000,0,0,,1100.5,\n";
        importCsv(international).statusCode(200).body("created", num(2));

        upload(xlsx(List.of(
                List.of("reference", "year", "investment", "operationFunding", "operatingCost", "serviceEfficiency", "transferEffect",
                        "repayment", "explanation", "kpi:K1", "milestone:M1"),
                List.of(c, 2026, 2900000.5, 0, 0, 0, 0, 0, "Udbud; billigere", "", 2026),
                List.of(c, 2027, 1000000, 0, 0, 500000, 0, 0, "", 1100.5, ""))), "tal.xlsx")
                .statusCode(200).body("created", num(2));

        List<Map<String, Object>> fromDanish = actualsOf(a);
        assertThat(fromDanish).hasSize(2);
        assertThat(actualsOf(b)).isEqualTo(fromDanish);
        assertThat(actualsOf(c)).isEqualTo(fromDanish);
        json().get("/api/proposals/{ref}/actuals", a).then().body("[0].investment", num("2900000.5"))
                .body("[0].explanation", equalTo("Udbud; billigere")).body("[0].milestones.M1", num(2026))
                .body("[1].kpis.K1", num("1100.5"));
    }

    @Test
    void windows_1252_is_read_with_its_danish_letters() {
        String ref = adopted("BUF");
        String csv = HEADER_DK + "\r\n" + ref + ";2026;2.000.000;0;0;0;0;0;Forsinket af æøå-leverandør;;\r\n";
        importCsv(csv.getBytes(Charset.forName("windows-1252")), "", ADMIN, ADMIN_PASSWORD).statusCode(200);
        json().get("/api/proposals/{ref}/actuals", ref).then().body("[0].explanation", equalTo("Forsinket af æøå-leverandør"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        UNKNOWN_REFERENCE              | reference | BUF-NO-SUCH-REF;2026;3.000.000;0;0;0;0;0;;;
        YEAR_OUT_OF_RANGE              | year      | {ref};2025;0;0;0;0;0;0;;;
        YEAR_OUT_OF_RANGE              | year      | {ref};2031;0;0;0;2.000.000;0;0;;;
        NOT_A_YEAR                     | year      | {ref};2026-01-01;3.000.000;0;0;0;0;0;;;
        NOT_A_NUMBER                   | investment | {ref};2026;tre mio;0;0;0;0;0;;;
        NOT_A_NUMBER                   | investment | {ref};2026;NaN;0;0;0;0;0;;;
        AMOUNT_TOO_MANY_DECIMALS       | investment | {ref};2026;3.000.000,123;0;0;0;0;0;;;
        NOT_A_NUMBER                   | investment | {ref};2026;1e400;0;0;0;0;0;;;
        AMOUNT_TOO_LARGE               | investment | {ref};2026;99.999.999.999.999.999;0;0;0;0;0;;;
        AMOUNT_NEGATIVE                | operatingCost | {ref};2026;3.000.000;0;-5;0;0;0;;;
        TRANSFER_EFFECT_WITHOUT_FLAG   | transferEffect | {ref};2026;3.000.000;0;0;0;1.000;0;;;
        REPAYMENT_WITHOUT_LOAN         | repayment | {ref};2026;3.000.000;0;0;0;0;100;;;
        EXPLANATION_REQUIRED           | explanation | {ref};2026;2.000.000;0;0;0;0;0;;;
        UNKNOWN_KPI                    | kpi:K9    | HEADER:kpi:K9>>{ref};2026;3.000.000;0;0;0;0;0;;5;
        MILESTONE_IN_FUTURE            | milestone:M1 | {ref};2026;3.000.000;0;0;0;0;0;;;2027
        MISSING_VALUE                  | reference | ;2026;3.000.000;0;0;0;0;0;;;
        """)
    void each_bad_row_is_refused_with_its_code_row_and_column_and_nothing_is_stored(String code, String column, String line) {
        String ref = adopted("KFF");
        String header = HEADER_DK;
        if (line.startsWith("HEADER:")) {
            header = HEADER_DK.replace("kpi:K1", line.substring(7, line.indexOf(">>")));
            line = line.substring(line.indexOf(">>") + 2);
        }
        String csv = header + "\n" + ref + ";2027;1.000.000;0;0;500.000;0;0;;;\n" + line.replace("{ref}", ref) + "\n";
        importCsv(csv).statusCode(422).contentType("application/problem+json")
                .body("errors.code", hasItem(code))
                .body("errors.find { it.code == '" + code + "' }.row", num(3))
                .body("errors.find { it.code == '" + code + "' }.column", equalTo(column));
        assertThat(actualsOf(ref)).isEmpty();
    }

    @Test
    void a_duplicate_reference_and_year_is_refused() {
        String ref = adopted("KFF");
        String csv = HEADER_DK + "\n" + ref + ";2026;3.000.000;0;0;0;0;0;;;\n" + ref + ";2026;3.000.000;0;0;0;0;0;;;\n";
        importCsv(csv).statusCode(422).body("errors", hasSize(1)).body("errors[0].code", equalTo("DUPLICATE_ROW"))
                .body("errors[0].row", num(3));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        MISSING_COLUMN  | reference;year;investment;operationFunding;operatingCost;serviceEfficiency
        UNKNOWN_COLUMN  | reference;year;investment;operationFunding;operatingCost;serviceEfficiency;transferEffect;budgetpost
        DUPLICATE_COLUMN | reference;year;investment;operationFunding;operatingCost;serviceEfficiency;transferEffect;investering
        """)
    void a_wrong_header_is_refused(String code, String header) {
        String ref = adopted("KFF");
        importCsv(header + "\n" + ref + ";2026;3.000.000;0;0;0;0;0\n").statusCode(422).body("errors.code", hasItem(code))
                .body("errors[0].row", num(1));
        assertThat(actualsOf(ref)).isEmpty();
    }

    @Test
    void an_empty_file_and_a_header_without_rows_are_refused() {
        importCsv("").statusCode(422).body("errors[0].code", equalTo("EMPTY_FILE"));
        importCsv(HEADER_DK + "\n").statusCode(422).body("errors[0].code", equalTo("EMPTY_FILE"));
        upload(new byte[] { 'P', 'K', 3, 4, 1, 2, 3 }, "ødelagt.xlsx").statusCode(422).body("errors[0].code", equalTo("UNREADABLE_FILE"));
    }

    @Test
    void a_file_whose_last_row_is_bad_stores_nothing() {
        String ref = adopted("KFF");
        String csv = HEADER_DK + "\n" + ref + ";2026;3.000.000;0;0;0;0;0;;;\n" + ref + ";2027;1.000.000;0;0;500.000;0;0;;;\n"
                + ref + ";2028;0;0;0;x;0;0;;;\n";
        importCsv(csv).statusCode(422).body("errors.row", contains(num(4)));
        assertThat(actualsOf(ref)).isEmpty();
    }

    @Test
    void the_same_file_twice_reports_every_row_unchanged_and_keeps_the_versions() {
        String ref = adopted("SOF");
        String csv = HEADER_DK + "\n" + ref + ";2026;3.000.000;0;0;0;0;0;;;2026\n" + ref + ";2027;1.000.000;0;0;500.000;0;0;;1200;\n";
        importCsv(csv).statusCode(200).body("created", num(2)).body("updated", num(0));
        importCsv(csv).statusCode(200).body("rows", num(2)).body("created", num(0)).body("updated", num(0)).body("unchanged", num(2));
        json().get("/api/proposals/{ref}/actuals", ref).then().body("version", contains(num(0), num(0)));

        String changed = csv.replace(";1200;", ";1250;");
        importCsv(changed).statusCode(200).body("updated", num(1)).body("unchanged", num(1));
        json().get("/api/proposals/{ref}/actuals", ref).then().body("version", contains(num(0), num(1)))
                .body("[1].kpis.K1", num(1250));
    }

    @Test
    void a_file_without_kpi_columns_is_merged_in_one_statement_and_leaves_the_stored_kpis_and_milestones() {
        String ref = adopted("SOF");
        importCsv(HEADER_DK + "\n" + ref + ";2027;1.000.000;0;0;500.000;0;0;;1200;\n").statusCode(200).body("created", num(1));
        String header = "reference;year;investment;operationFunding;operatingCost;serviceEfficiency;transferEffect;repayment;explanation";
        String csv = header + "\n" + ref + ";2027;1.000.000;0;0;500.000;0;0;\n" + ref + ";2026;3.000.000;0;0;0;0;0;\n";
        importCsv(csv).statusCode(200).body("rows", num(2)).body("created", num(1)).body("updated", num(0)).body("unchanged", num(1));
        importCsv(csv.replace(";500.000;", ";480.000;")).statusCode(200).body("created", num(0)).body("updated", num(1))
                .body("unchanged", num(1));
        json().get("/api/proposals/{ref}/actuals", ref).then().body("version", contains(num(0), num(1)))
                .body("[1].kpis.K1", num(1200)).body("[1].serviceEfficiency", num(480000));
    }

    @Test
    void a_changed_kpi_value_of_an_import_appears_in_the_history() {
        String ref = adopted("SOF");
        String csv = HEADER_DK + "\n" + ref + ";2027;1.000.000;0;0;500.000;0;0;;1200;\n";
        importCsv(csv).statusCode(200);
        importCsv(csv.replace(";1200;", ";1250;")).statusCode(200).body("updated", num(1));
        List<Map<String, Object>> history = json().get("/api/proposals/{ref}/history", ref).then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(history).anySatisfy(r -> assertThat(r).containsEntry("entity", "actuals").containsEntry("field", "kpis")
                .containsEntry("old", "K1: 1200").containsEntry("new", "K1: 1250"));
    }

    @Test
    void a_dry_run_reports_and_stores_nothing() {
        String ref = adopted("SOF");
        String csv = HEADER_DK + "\n" + ref + ";2026;3.000.000;0;0;0;0;0;;;\n";
        importCsv(csv.getBytes(StandardCharsets.UTF_8), "?dryRun=true", ADMIN, ADMIN_PASSWORD).statusCode(200)
                .body("created", num(1)).body("dryRun", equalTo(true));
        assertThat(actualsOf(ref)).isEmpty();
    }

    @Test
    void a_participating_administration_may_not_import_the_figures_of_a_cross_cutting_proposal_it_does_not_lead() {
        String ref = Bodies.reference("KFF");
        Map<String, Object> body = Bodies.investment(ref);
        body.put("administrations", List.of("KFF", "SUF", "BUF"));
        created(body);
        json().body(Bodies.map("username", "import.suf2", "password", "import-password", "roles", List.of("entry"),
                "administrations", List.of("SUF"))).post("/api/users");
        importCsv((HEADER_DK + "\n" + ref + ";2026;3.000.000;0;0;0;0;0;;;\n").getBytes(StandardCharsets.UTF_8), "", "import.suf2",
                "import-password").statusCode(422).body("errors.code", contains("NOT_ALLOWED"))
                .body("errors.message", contains("Tallene for " + ref + " indberettes af den ledende forvaltning (KFF). "
                        + "Du kan læse dem, men ikke ændre dem."));
        assertThat(actualsOf(ref)).isEmpty();
    }

    @Test
    void an_entry_user_may_import_only_for_proposals_of_their_administrations() {
        String own = adopted("SUF");
        String other = adopted("KFF");
        json().body(Bodies.map("username", "import.suf", "password", "import-password", "roles", List.of("entry"),
                "administrations", List.of("SUF"))).post("/api/users");
        String csv = HEADER_DK + "\n" + own + ";2026;3.000.000;0;0;0;0;0;;;\n" + other + ";2026;3.000.000;0;0;0;0;0;;;\n";
        importCsv(csv.getBytes(StandardCharsets.UTF_8), "", "import.suf", "import-password").statusCode(422)
                .body("errors.code", contains("NOT_ALLOWED")).body("errors.row", contains(num(3)));
        assertThat(actualsOf(own)).isEmpty();
        importCsv((HEADER_DK + "\n" + own + ";2026;3.000.000;0;0;0;0;0;;;\n").getBytes(StandardCharsets.UTF_8), "", "import.suf",
                "import-password").statusCode(200).body("created", num(1));
    }

    @Test
    void an_import_appears_in_the_history_with_the_importing_user_and_moves_the_version() {
        String ref = adopted("SUF");
        json().body(Bodies.map("username", "import.hist", "password", "import-password", "roles", List.of("entry"),
                "administrations", List.of("SUF"))).post("/api/users");
        importCsv((HEADER_DK + "\n" + ref + ";2026;3.000.000;0;0;0;0;0;;;\n").getBytes(StandardCharsets.UTF_8), "", "import.hist",
                "import-password").statusCode(200);
        importCsv((HEADER_DK + "\n" + ref + ";2026;2.950.000;0;0;0;0;0;;7;\n").replace(";;7;", ";;;").getBytes(StandardCharsets.UTF_8),
                "", "import.hist", "import-password").statusCode(200).body("updated", num(1));
        List<Map<String, Object>> history = json().get("/api/proposals/{ref}/history", ref).then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(history).anySatisfy(r -> assertThat(r).containsEntry("entity", "actuals").containsEntry("item", "2026")
                .containsEntry("field", "(oprettet)").containsEntry("user", "import.hist"));
        assertThat(history).anySatisfy(r -> assertThat(r).containsEntry("entity", "actuals").containsEntry("field", "investment")
                .containsEntry("old", "3000000").containsEntry("new", "2950000").containsEntry("user", "import.hist"));
        json().get("/api/proposals/{ref}/actuals", ref).then().body("[0].version", num(1));
    }

    @Test
    void a_file_above_the_limit_is_413() {
        StringBuilder big = new StringBuilder(HEADER_DK).append('\n');
        while (big.length() < 1_200_000) {
            big.append("BUF-X;2026;1;0;0;0;0;0;").append("x".repeat(100)).append(";;\n");
        }
        importCsv(big.toString()).statusCode(413).contentType("application/problem+json");
    }

    static byte[] xlsx(List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Ark1");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object v = rows.get(r).get(c);
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (!"".equals(v)) {
                        row.createCell(c).setCellValue((String) v);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
