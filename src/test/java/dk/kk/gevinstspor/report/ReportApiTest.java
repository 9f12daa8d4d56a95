package dk.kk.gevinstspor.report;

import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.putActuals;
import static dk.kk.gevinstspor.proposal.Bodies.line;
import static dk.kk.gevinstspor.proposal.Bodies.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The follow-up reports through the API: who is in which report, totals, and the same numbers in every format. */
@QuarkusTest
class ReportApiTest {

    static JsonPath report(String path) {
        return json().get(path).then().statusCode(200).extract().jsonPath();
    }

    static List<String> references(JsonPath report) {
        return report.getList("rows.reference");
    }

    static Map<String, Object> investment(String ref, List<String> administrations) {
        Map<String, Object> body = Bodies.investment(ref);
        body.put("administrations", new ArrayList<>(administrations));
        return body;
    }

    @Test
    void membership_follows_the_lead_the_number_of_administrations_and_the_kind() {
        String alone = Bodies.reference("KFF");
        created(investment(alone, List.of("KFF")));
        String two = Bodies.reference("KFF");
        created(investment(two, List.of("KFF", "SOF")));
        String three = Bodies.reference("KFF");
        created(investment(three, List.of("KFF", "SOF", "SUF")));
        String later = Bodies.reference("KFF");
        Map<String, Object> startsLater = Bodies.investment(later);
        startsLater.put("plan", List.of(line(2029, 1_000_000, 0, 0, 0, 0), line(2030, 0, 0, 0, 600_000, 0)));
        created(startsLater);
        String digitalPre = Bodies.reference("KFF");
        Map<String, Object> pre = Bodies.preAnalysisWithLoan(digitalPre);
        pre.put("digital", true);
        created(pre);

        JsonPath kfu = report("/api/reports/majbidrag/2028?committee=KFU");
        assertThat(kfu.getString("report")).isEqualTo("MAJBIDRAG");
        assertThat(kfu.getInt("accountsYear")).isEqualTo(2027);
        assertThat(references(kfu)).contains(alone, two).doesNotContain(three, later);
        assertThat(references(report("/api/reports/majbidrag/2028?committee=SOU"))).doesNotContain(alone, two, three);
        assertThat(references(report("/api/reports/finance-committee/2028"))).contains(three).doesNotContain(alone, two);
        assertThat(references(report("/api/reports/it-kreds/2028"))).contains(digitalPre).doesNotContain(alone);
        assertThat(references(report("/api/reports/innovation/2028?digital=true"))).contains(digitalPre);
        assertThat(references(report("/api/reports/innovation/2028?digital=false"))).doesNotContain(digitalPre);
        assertThat(references(report("/api/reports/majbidrag/2031?committee=KFU"))).contains(later);
    }

    @Test
    void a_proposal_appears_in_the_report_of_the_year_it_is_fully_implemented_and_in_no_later_one() {
        String ref = Bodies.reference("SUF");
        Map<String, Object> body = Bodies.investment(ref);
        body.put("plan", List.of(line(2021, 500_000, 0, 0, 0, 0), line(2022, 0, 0, 0, 250_000, 0), line(2023, 0, 0, 0, 500_000, 0)));
        body.put("targets", new ArrayList<>(List.of(map("code", "EFF", "type", "ECONOMIC"))));
        created(body);
        putActuals(ref, 2021, Bodies.actuals(2021, 500_000, 0, 0, 0, 0)).statusCode(200);
        putActuals(ref, 2022, Bodies.actuals(2022, 0, 0, 0, 250_000, 0)).statusCode(200);
        putActuals(ref, 2023, Bodies.actuals(2023, 0, 0, 0, 500_000, 0)).statusCode(200);

        JsonPath in2023 = report("/api/reports/majbidrag/2024?committee=SUU");
        int i = references(in2023).indexOf(ref);
        assertThat(i).isNotNegative();
        assertThat(in2023.getBoolean("rows[" + i + "].fullyImplemented")).isTrue();
        assertThat(references(report("/api/reports/majbidrag/2025?committee=SUU"))).doesNotContain(ref);
    }

    @Test
    void totals_are_the_sums_of_the_rows() {
        created(investment(Bodies.reference("BIF"), List.of("BIF")));
        JsonPath r = report("/api/reports/majbidrag/2028?committee=BIU");
        for (String field : List.of("plannedPoolMoney", "actualPoolMoney", "plannedGain", "actualGain", "cumulativePlannedPoolMoney",
                "cumulativeActualPoolMoney", "cumulativePlannedGain", "cumulativeActualGain")) {
            BigDecimal sum = r.getList("rows." + field, Object.class).stream().map(v -> new BigDecimal(v.toString()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(new BigDecimal(r.getString("totals." + field))).as(field).isEqualByComparingTo(sum);
        }
    }

    @Test
    void csv_and_xlsx_hold_the_same_numbers_as_json_and_neutralise_formulas() throws IOException {
        String ref = Bodies.reference("TMF");
        Map<String, Object> body = investment(ref, List.of("TMF"));
        body.put("title", "=HYPERLINK(\"http://example.invalid\")");
        created(body);
        putActuals(ref, 2026, Bodies.actuals(2026, 2_950_000.5, 0, 0, 0, 0)).statusCode(200);
        JsonPath r = report("/api/reports/majbidrag/2027?committee=TMU");
        int i = references(r).indexOf(ref);
        BigDecimal actual = new BigDecimal(r.getString("rows[" + i + "].actualPoolMoney"));
        assertThat(actual).isEqualByComparingTo("2950000.5");

        byte[] csv = json().get("/api/reports/majbidrag/2027?committee=TMU&format=csv").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/csv")).extract().asByteArray();
        assertThat(new String(csv, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("\u00EF\u00BB\u00BF");
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                .parse(new InputStreamReader(new ByteArrayInputStream(csv, 3, csv.length - 3), StandardCharsets.UTF_8))) {
            CSVRecord line = parser.getRecords().stream().filter(rec -> rec.get("Reference").equals(ref)).findFirst().orElseThrow();
            // the CSV shows what the page shows: whole 1.000 kr. (2.950.000,50 kr. → 2950), under a unit row
            assertThat(line.get("Puljemidler faktisk 2026")).isEqualTo("2950");
            assertThat(line.get("Titel")).startsWith("'=HYPERLINK");
        }

        byte[] xlsx = json().get("/api/reports/majbidrag/2027?committee=TMU&format=xlsx").then().statusCode(200).extract().asByteArray();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheet("Investeringsforslag");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            Row head = sheet.getRow(0);
            int column = -1;
            for (int c = 0; c < head.getLastCellNum(); c++) {
                if (head.getCell(c).getStringCellValue().equals("Puljemidler faktisk 2026")) {
                    column = c;
                }
            }
            boolean found = false;
            for (Row row : sheet) {
                if (row.getRowNum() > 0 && row.getCell(0) != null && ref.equals(row.getCell(0).getStringCellValue())) {
                    found = true;
                    assertThat(row.getCell(column).getNumericCellValue()).isEqualTo(2_950_000.5);
                    assertThat(row.getCell(1).getStringCellValue()).startsWith("'=");
                }
            }
            assertThat(found).isTrue();
            Row totals = sheet.getRow(sheet.getLastRowNum());
            assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("I alt");
        }
    }

    @Test
    void frames_and_the_loan_book_are_reported() {
        String ref = Bodies.reference("SOF");
        created(Bodies.preAnalysisWithLoan(ref));
        Map<String, Object> repaid = Bodies.actuals(2022, 0, 0, 0, 0, 0);
        repaid.put("repayment", 300_000);
        putActuals(ref, 2022, repaid).statusCode(200);
        JsonPath book = report("/api/reports/loans/2022");
        int i = book.getList("loans.reference").indexOf(ref);
        assertThat(i).isNotNegative();
        assertThat(book.getString("loans[" + i + "].status")).isEqualTo("ON_SCHEDULE");
        assertThat(new BigDecimal(book.getString("loans[" + i + "].outstanding"))).isEqualByComparingTo("300000");

        JsonPath frames = report("/api/reports/innovation-frames/2021");
        assertThat(frames.getList("frames.frame")).containsExactly("TRANSFER_CASE", "BUDGET", "PRE_ANALYSIS_ADMINISTRATION",
                "PRE_ANALYSIS_CROSS_CUTTING", "TOTAL");
        json().get("/api/reports/innovation-frames/2021?format=xlsx").then().statusCode(200);
    }

    @jakarta.inject.Inject
    dk.kk.gevinstspor.admin.PriceIndexRepository priceIndex;

    @org.junit.jupiter.api.AfterEach
    @jakarta.transaction.Transactional
    void removePriceIndex() {
        // Any stored index makes every other year a 422: leave the table as the other tests expect it (empty).
        priceIndex.delete("year in ?1", List.of(2026, 2028));
    }

    @Test
    void amounts_are_converted_to_the_meeting_years_price_level_and_a_missing_index_year_is_refused() {
        String ref = Bodies.reference("BUF");
        created(investment(ref, List.of("BUF")));
        putActuals(ref, 2027, Bodies.actuals(2027, 1_000_000, 0, 0, 500_000, 0)).statusCode(200);
        json().body(map("index", 100)).put("/api/price-index/2026").then().statusCode(200);
        json().body(map("index", 110)).put("/api/price-index/2028").then().statusCode(200);

        JsonPath r = report("/api/reports/majbidrag/2028?committee=BUU");
        int i = references(r).indexOf(ref);
        assertThat(r.getInt("priceLevelYear")).isEqualTo(2028);
        assertThat(new BigDecimal(r.getString("rows[" + i + "].actualPoolMoney"))).isEqualByComparingTo("1100000");
        assertThat(new BigDecimal(r.getString("rows[" + i + "].plannedGain"))).isEqualByComparingTo("550000");

        json().get("/api/reports/majbidrag/2028?committee=BUU&priceLevelYear=2029").then().statusCode(422)
                .body("errors[0].code", org.hamcrest.Matchers.equalTo("PRICE_INDEX_MISSING"));
    }

    @Test
    void pending_decisions_are_counted_and_a_cancelled_proposal_appears_once_with_its_treasury_return() {
        String pending = Bodies.reference("SUF");
        created(investment(pending, List.of("SUF")));
        json().body(map("type", "ASSUMPTION_CHANGE", "description", "Ny leverandør", "effectiveYear", 2027))
                .post("/api/proposals/{ref}/decisions", pending).then().statusCode(201);

        String cancelled = Bodies.reference("SUF");
        created(investment(cancelled, List.of("SUF")));
        putActuals(cancelled, 2026, Bodies.actuals(2026, 3_000_000, 0, 0, 0, 0)).statusCode(200);
        long id = json().body(map("type", "CANCELLATION", "description", "Løsningen opgives", "effectiveYear", 2027))
                .post("/api/proposals/{ref}/decisions", cancelled).then().statusCode(201).extract().jsonPath().getLong("id");
        for (String body : List.of("COMMITTEE", "FINANCE_COMMITTEE", "CITY_COUNCIL")) {
            json().body(map("date", "2027-05-12", "caseReference", "2027-" + body))
                    .put("/api/proposals/{ref}/decisions/{id}/approvals/{body}", cancelled, id, body).then().statusCode(200);
        }

        JsonPath in2027 = report("/api/reports/majbidrag/2028?committee=SUU");
        int p = references(in2027).indexOf(pending);
        assertThat(in2027.getInt("rows[" + p + "].pendingDecisions")).isEqualTo(1);
        int c = references(in2027).indexOf(cancelled);
        assertThat(in2027.getBoolean("rows[" + c + "].cancelled")).isTrue();
        assertThat(new BigDecimal(in2027.getString("rows[" + c + "].treasuryReturn"))).isEqualByComparingTo("1000000");
        assertThat(references(report("/api/reports/majbidrag/2029?committee=SUU"))).doesNotContain(cancelled).contains(pending);
    }

    @Test
    void a_majbidrag_needs_a_known_committee() {
        json().get("/api/reports/majbidrag/2028").then().statusCode(422).contentType("application/problem+json");
        json().get("/api/reports/majbidrag/2028?committee=XYZ").then().statusCode(404);
        json().get("/api/reports/majbidrag/2028?committee=BUU&format=pdf").then().statusCode(400);
    }
}
