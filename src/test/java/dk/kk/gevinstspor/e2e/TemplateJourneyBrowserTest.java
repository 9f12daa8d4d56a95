package dk.kk.gevinstspor.e2e;

import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.num;
import static dk.kk.gevinstspor.proposal.Api.putActuals;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An entry user fills in the template in Chromium's journey: downloads it from the upload page, fills in two
 * proposals (one already stored, whose KPI cell is left blank), sees each change old → new in the check, confirms,
 * sees what was saved, and the stored KPI is kept (DOMAIN.md Edges 11). Pages checked with axe-core.
 */
@QuarkusTest
class TemplateJourneyBrowserTest {

    static final String PASSWORD = "template-password-1";
    static final int YEAR = 2029;
    static final String EFFICIENCY = "Effektivisering på service";

    @TestHTTPResource("/")
    URL base;

    private final List<String> accessibility = new ArrayList<>();

    @Test
    void the_template_is_filled_in_a_blank_kpi_kept_and_the_check_shows_old_and_new() throws IOException {
        String username = "template.buf." + Bodies.reference("X").substring(4).toLowerCase();
        json().body(Bodies.map("username", username, "password", PASSWORD, "roles", List.of("entry"), "administrations", List.of("BUF")))
                .post("/api/users").then().statusCode(201);
        String stored = Bodies.reference("BUF");
        created(Bodies.investment(stored));
        putActuals(stored, YEAR, Map.of("year", YEAR, "investment", 0, "operationFunding", 0, "operatingCost", 0,
                "serviceEfficiency", 2_000_000, "transferEffect", 0, "repayment", 0, "kpis", Map.of("K1", 1100))).statusCode(200);
        String fresh = Bodies.reference("BUF");
        created(Bodies.investment(fresh));

        try (Chromium browser = new Chromium(base, "skabelon")) {
            browser.open("/login");
            browser.type("#j_username", username).type("#j_password", PASSWORD).click("form.login button[type=submit]");
            browser.open("/indberetning/upload");
            visited(browser, "upload");
            browser.find("a[href*='format=xlsx']").click();
            Path template = browser.downloaded(".xlsx");

            Path filled = Chromium.FOLDER.resolve("files").resolve("skabelon-udfyldt.xlsx").toAbsolutePath();
            Files.createDirectories(filled.getParent());
            fill(template, filled, stored, fresh);

            browser.find("#file").sendKeys(filled.toString());
            browser.click("form.upload button[type=submit]");
            visited(browser, "kontrol");
            List<String> changes = browser.findAll("table.changes tbody tr").stream().map(r -> r.getText()).toList();
            assertThat(changes).contains(stored + " Digital pladsanvisning " + YEAR + " " + EFFICIENCY + " 2.000.000,00 2.050.000,50",
                    fresh + " Digital pladsanvisning " + YEAR + " " + EFFICIENCY + " — 2.000.000,00");
            assertThat(changes).noneMatch(c -> c.contains("KPI K1"));
            json().get("/api/proposals/{ref}/actuals", fresh).then().body("$", org.hamcrest.Matchers.empty());

            browser.click("form[action='/indberetning/upload/bekraeft'] button[type=submit]");
            visited(browser, "gemt");
            assertThat(browser.textOf(".saved")).contains("1 nye").contains("1 ændrede");
            assertThat(browser.textOf("table.changes caption")).isEqualTo("Det er gemt");
        }
        json().get("/api/proposals/{ref}/actuals", stored).then().body("[0].serviceEfficiency", num("2050000.5"))
                .body("[0].kpis.K1", num(1100));
        json().get("/api/proposals/{ref}/actuals", fresh).then().body("[0].serviceEfficiency", num(2_000_000))
                .body("[0].investment", num(0));
        assertThat(accessibility).as("serious or critical WCAG 2.1 AA violations").isEmpty();
    }

    /** Types the year's efficiency into both proposals' rows and empties the stored row's KPI cell; other rows stay untouched. */
    private static void fill(Path template, Path filled, String stored, String fresh) throws IOException {
        try (InputStream in = Files.newInputStream(template); Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            Map<String, Integer> column = new HashMap<>();
            sheet.getRow(0).forEach(c -> column.put(c.getStringCellValue(), c.getColumnIndex()));
            int kpi = column.entrySet().stream().filter(e -> e.getKey().startsWith("KPI K1")).findFirst().orElseThrow().getValue();
            int found = 0;
            for (Row row : sheet) {
                String reference = row.getRowNum() == 0 ? "" : row.getCell(0).getStringCellValue();
                if (reference.equals(stored)) {
                    assertThat(row.getCell(kpi).getNumericCellValue()).as("the stored KPI is in the template").isEqualTo(1100d);
                    row.getCell(kpi).setBlank();
                    row.getCell(column.get(EFFICIENCY)).setCellValue(2_050_000.5);
                    found++;
                } else if (reference.equals(fresh)) {
                    assertThat(row.getCell(column.get("Plan: " + EFFICIENCY)).getNumericCellValue()).isEqualTo(2_000_000d);
                    row.getCell(column.get(EFFICIENCY)).setCellValue(2_000_000);
                    found++;
                }
            }
            assertThat(found).as("both proposals are in the template").isEqualTo(2);
            try (OutputStream out = Files.newOutputStream(filled)) {
                workbook.write(out);
            }
        }
    }

    private void visited(Chromium browser, String step) {
        browser.screenshot(step);
        Accessibility.seriousViolations(browser).forEach(v -> accessibility.add(browser.path() + ": " + v));
    }
}
