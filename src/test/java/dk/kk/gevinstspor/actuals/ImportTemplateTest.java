package dk.kk.gevinstspor.actuals;

import static dk.kk.gevinstspor.actuals.ImportApiTest.importCsv;
import static dk.kk.gevinstspor.proposal.Api.ADMIN;
import static dk.kk.gevinstspor.proposal.Api.ADMIN_PASSWORD;
import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.num;
import static dk.kk.gevinstspor.proposal.Api.putActuals;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The import template: Danish headings, the plan beside each amount as read-only context, the stored figures filled
 * in; XLSX with grey locked context columns, unlocked input cells and number cells in Danish format; it imports back
 * as it is (its untouched rows change nothing).
 */
@QuarkusTest
class ImportTemplateTest {

    static final List<String> START = List.of("Reference", "Titel", "År", "Plan: Implementeringsomkostninger (investering)",
            "Implementeringsomkostninger (investering)", "Plan: Midlertidig driftsfinansiering fra puljen",
            "Midlertidig driftsfinansiering fra puljen", "Plan: Varige driftsudgifter", "Varige driftsudgifter",
            "Plan: Effektivisering på service", "Effektivisering på service", "Plan: Effekt på overførsler", "Effekt på overførsler",
            "Afdrag på lån", "Forklaring");

    private static byte[] template(String format) {
        return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD)
                .get("/api/imports/actuals/template?year=2027&committee=BIU&format=" + format).then().statusCode(200).extract().asByteArray();
    }

    // whole kroner only: ReportApiTest sums BIU's majbidrag rows with a JSON reader that does not take decimals
    @Test
    void the_csv_template_has_danish_headings_the_plan_and_the_stored_figures_and_imports_back_unchanged() {
        String fresh = Bodies.reference("BIF");
        created(Bodies.investment(fresh));
        String entered = Bodies.reference("BIF");
        created(Bodies.investment(entered));
        putActuals(entered, 2027, Map.of("year", 2027, "investment", 1_250_000, "operationFunding", 0,
                "operatingCost", 0, "serviceEfficiency", 400_000, "transferEffect", 0, "repayment", 0, "kpis", Map.of("K1", 1100),
                "milestones", Map.of("M1", 2027), "explanation", "Senere end planlagt")).statusCode(200);

        String csv = new String(template("csv"), StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(csv.lines().findFirst().orElseThrow().substring(1).split(";", -1));
        assertThat(header.subList(0, START.size())).isEqualTo(START);
        assertThat(header).contains("KPI K1: Sagsbehandlingstimer sparet (timer)", "Milepæl M1: opnået år");
        assertThat(line(csv, fresh)).startsWith(fresh + ";Digital pladsanvisning;2027;1000000;;0;;0;;500000;;0;;;;");
        List<String> stored = Arrays.asList(line(csv, entered).split(";", -1));
        assertThat(stored.get(header.indexOf("Implementeringsomkostninger (investering)"))).isEqualTo("1250000");
        assertThat(stored.get(header.indexOf("Effektivisering på service"))).isEqualTo("400000");
        assertThat(stored.get(header.indexOf("Forklaring"))).isEqualTo("Senere end planlagt");
        assertThat(stored.get(header.indexOf("KPI K1: Sagsbehandlingstimer sparet (timer)"))).isEqualTo("1100");
        assertThat(stored.get(header.indexOf("Milepæl M1: opnået år"))).isEqualTo("2027");

        // imported as it is: the stored row changes nothing, the untouched rows (no figures) write nothing and raise no error
        importCsv(csv).statusCode(200).body("created", num(0)).body("updated", num(0));
        json().get("/api/proposals/{ref}/actuals", fresh).then().body("$", org.hamcrest.Matchers.empty());
        // the untouched row with the year's figures typed into it
        String typed = csv.lines().filter(l -> l.startsWith("\uFEFF") || l.startsWith(fresh))
                .map(l -> l.replace(fresh + ";Digital pladsanvisning;2027;1000000;;0;;0;;500000;;0;;",
                        fresh + ";Digital pladsanvisning;2027;1000000;1000000;0;0;0;0;500000;500000;0;0;"))
                .reduce((x, y) -> x + "\n" + y).orElseThrow();
        importCsv(typed).statusCode(200).body("created", num(1));
        json().get("/api/proposals/{ref}/actuals", fresh).then().body("[0].serviceEfficiency", num(500_000));
    }

    @Test
    void the_xlsx_template_locks_the_grey_context_columns_and_keeps_amounts_as_danish_numbers() throws IOException {
        String entered = Bodies.reference("BIF");
        created(Bodies.investment(entered));
        putActuals(entered, 2027, Bodies.actuals(2027, 1_000_000, 0, 0, 500_000, 0)).statusCode(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template("xlsx")))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header.subList(0, START.size())).isEqualTo(START);
            assertThat(sheet.getProtect()).as("the sheet is protected").isTrue();
            Row row = null;
            for (Row r : sheet) {
                if (r.getRowNum() > 0 && entered.equals(r.getCell(0).getStringCellValue())) {
                    row = r;
                }
            }
            assertThat(row).isNotNull();
            var plan = row.getCell(header.indexOf("Plan: Effektivisering på service"));
            assertThat(plan.getNumericCellValue()).isEqualTo(500_000d);
            assertThat(plan.getCellStyle().getLocked()).isTrue();
            assertThat(plan.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(row.getCell(0).getCellStyle().getLocked()).as("the reference").isTrue();
            var actual = row.getCell(header.indexOf("Effektivisering på service"));
            assertThat(actual.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(actual.getNumericCellValue()).isEqualTo(500_000d);
            assertThat(actual.getCellStyle().getLocked()).isFalse();
            assertThat(actual.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            var explanation = row.getCell(header.indexOf("Forklaring"));
            assertThat(explanation.getCellStyle().getLocked()).as("an empty input cell is open too").isFalse();
        }
    }

    private static String line(String csv, String reference) {
        return csv.lines().filter(l -> l.startsWith(reference + ";")).findFirst().orElseThrow();
    }
}
