package dk.kk.gevinstspor.security;

import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.putActuals;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.common.web.Browser;
import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;

/**
 * Script in every text a user can store (title, target description, assessment reference, explanation, decision
 * description) comes back escaped on every page that shows it and as plain text in every export; a text that a
 * spreadsheet would run as a formula is neutralised in CSV and XLSX.
 */
@QuarkusTest
class ScriptInjectionTest {

    static final String SCRIPT = "<script>alert('gevinstspor')</script>";
    static final String FORMULA = "=HYPERLINK(\"http://evil.example\";\"klik\")";

    @Test
    void stored_script_is_escaped_on_every_page_and_plain_text_in_every_export() throws IOException {
        String ref = Bodies.reference("BUF");
        Map<String, Object> proposal = Bodies.investment(ref);
        proposal.put("title", SCRIPT);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> targets = (List<Map<String, Object>>) proposal.get("targets");
        targets.get(1).put("description", SCRIPT);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> assessments = (List<Map<String, Object>>) proposal.get("assessments");
        assessments.get(0).put("reference", SCRIPT);
        created(proposal);
        Map<String, Object> actuals = Bodies.actuals(2029, 0, 0, 0, 1_000_000, 0);
        actuals.put("explanation", SCRIPT);
        putActuals(ref, 2029, actuals).statusCode(200);
        json().body(Bodies.map("type", "CANCELLATION", "description", SCRIPT, "effectiveYear", 2030)).post("/api/proposals/{ref}/decisions", ref)
                .then().statusCode(201);
        String formulaRef = Bodies.reference("BUF");
        Map<String, Object> formula = Bodies.investment(formulaRef);
        formula.put("title", FORMULA);
        created(formula);

        CookieFilter admin = Browser.login("admin", "admin-test-password");
        List<String> pages = List.of("/forslag/" + ref + "?aar=2029", "/rapporter?rapport=majbidrag&aar=2030&udvalg=BUU",
                "/indberetning?aar=2029", "/indberetning/" + ref + "/2029", "/admin/beslutninger",
                "/admin/beslutninger/" + ref + "/ny", "/forslag?q=" + ref, "/forslag?q=" + SCRIPT);
        List<String> unescaped = new ArrayList<>();
        int shown = 0;
        for (String page : pages) {
            String html = given().filter(admin).get(page).then().extract().asString();
            if (html.contains(SCRIPT)) {
                unescaped.add(page);
            }
            shown += html.contains("&lt;script&gt;alert(") ? 1 : 0;
        }
        String apiHtml = json().accept("text/html").get("/api/reports/majbidrag/2030?committee=BUU&format=html").asString();
        assertThat(apiHtml).doesNotContain(SCRIPT).contains("&lt;script&gt;alert(");
        assertThat(unescaped).as("pages with the script unescaped").isEmpty();
        assertThat(shown).as("pages that show the stored text, escaped").isGreaterThanOrEqualTo(4);

        String csv = json().accept("*/*").get("/api/reports/majbidrag/2030?committee=BUU&format=csv").asString();
        assertThat(csv).contains(SCRIPT).contains("'" + FORMULA.replace("\"", "\"\"")).doesNotContain(";" + FORMULA);
        byte[] xlsx = json().accept("*/*").get("/api/reports/majbidrag/2030?committee=BUU&format=xlsx").asByteArray();
        List<String> texts = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as("no formula cell").isNotEqualTo(org.apache.poi.ss.usermodel.CellType.FORMULA);
                        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                            texts.add(cell.getStringCellValue());
                        }
                    }
                }
            }
        }
        assertThat(texts).contains(SCRIPT, "'" + FORMULA).doesNotContain(FORMULA);
        String template = json().accept("*/*").get("/api/imports/actuals/template?year=2029&committee=BUU&format=csv").asString();
        assertThat(template).contains("'" + FORMULA.replace("\"", "\"\""));
    }
}
