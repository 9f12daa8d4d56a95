package dk.kk.gevinstspor.report;

import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.putActuals;
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
import java.util.SortedSet;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.admin.PriceIndexRepository;
import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * DOMAIN.md Edges 10 through the API: a report needs the index of each of its proposals' price level years and of its
 * target year; a non-empty index lacking any of them is 422 naming every missing year at once; an empty index shows each
 * proposal in its own price level and says so. And Edges 8: a cancelled proposal's status reads "Annulleret (fra ÅÅÅÅ)".
 *
 * <p>The database is shared: the reports also hold other tests' proposals, so the expected missing years are read from
 * the same report with the empty index (its rows' own price levels). The proposals here are led by BIF (BIU's majbidrag),
 * which no test reads with a stored index; every index year stored here is removed after each test.
 */
@QuarkusTest
class PriceIndexReportApiTest {

    static final int MEETING_YEAR = 2028;
    static final List<String> REPORTS = List.of("/api/reports/majbidrag/2028?committee=BIU", "/api/reports/finance-committee/2028",
            "/api/reports/it-kreds/2028", "/api/reports/innovation/2028", "/api/reports/innovation/2028?digital=true");

    @Inject
    PriceIndexRepository priceIndices;

    /** The years this test stored; removed afterwards, so that the index is empty again for every other test. */
    final List<Integer> stored = new ArrayList<>();

    static String in2023;
    static String in2024;
    static String in2026;
    static String crossCutting2022;
    static String digitalPreAnalysis2025;

    @BeforeEach
    void proposals() {
        if (in2023 != null) {
            return;
        }
        in2023 = investment(2023, List.of("BIF"));
        in2024 = investment(2024, List.of("BIF"));
        in2026 = investment(2026, List.of("BIF"));
        crossCutting2022 = investment(2022, List.of("BIF", "SOF", "SUF"));
        String pre = Bodies.reference("BIF");
        Map<String, Object> body = Bodies.preAnalysisWithLoan(pre);
        body.put("digital", true);
        body.put("priceLevelYear", 2025);
        created(body);
        digitalPreAnalysis2025 = pre;
    }

    static String investment(int priceLevelYear, List<String> administrations) {
        String ref = Bodies.reference("BIF");
        Map<String, Object> body = Bodies.investment(ref);
        body.put("administrations", new ArrayList<>(administrations));
        body.put("priceLevelYear", priceLevelYear);
        created(body);
        return ref;
    }

    @AfterEach
    void emptyTheIndexAgain() {
        if (!stored.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> priceIndices.delete("year in ?1", stored));
            stored.clear();
        }
    }

    void store(int year, Object index) {
        json().body(map("index", index)).put("/api/price-index/" + year).then().statusCode(200);
        stored.add(year);
    }

    /** What the report needs: its rows' own price levels (read with the empty index) and its meeting year. */
    static SortedSet<Integer> needed(String report) {
        JsonPath own = json().get(report).then().statusCode(200).extract().jsonPath();
        assertThat(own.getBoolean("ownPriceLevels")).as(report).isTrue();
        SortedSet<Integer> needed = new TreeSet<>(own.getList("rows.priceLevelYear", Integer.class));
        needed.add(MEETING_YEAR);
        return needed;
    }

    static JsonPath refused(String report) {
        return json().get(report).then().statusCode(422).contentType("application/problem+json").extract().jsonPath();
    }

    @Test
    void with_an_index_for_2026_and_2027_only_every_report_lists_every_missing_year_at_once() {
        Map<String, SortedSet<Integer>> expected = new java.util.LinkedHashMap<>();
        for (String report : REPORTS) {
            SortedSet<Integer> missing = needed(report);
            missing.removeAll(List.of(2026, 2027));
            expected.put(report, missing);
        }
        // this test's own proposals make each list longer than one year, whatever else the database holds
        assertThat(expected.get(REPORTS.get(0))).contains(2023, 2024, 2025, 2028);
        assertThat(expected.get(REPORTS.get(1))).contains(2022, 2028);
        assertThat(expected.get(REPORTS.get(2))).contains(2025, 2028);

        store(2026, 100);
        store(2027, 103);

        for (String report : REPORTS) {
            JsonPath problem = refused(report);
            List<String> fields = problem.getList("errors.field");
            List<Integer> years = fields.stream().map(f -> Integer.valueOf(f.substring("priceIndex.".length()))).toList();
            assertThat(years).as(report + ": one error per missing year, ascending").containsExactlyElementsOf(expected.get(report));
            assertThat(problem.getList("errors.code", String.class)).as(report).containsOnly("PRICE_INDEX_MISSING");
            List<String> messages = problem.getList("errors.message");
            for (int i = 0; i < years.size(); i++) {
                assertThat(messages.get(i)).as(report).startsWith("Pristallet for " + years.get(i) + " mangler");
            }
            assertThat(problem.getString("detail")).as(report).contains("2028").doesNotContain("2026");
        }
        JsonPath majbidrag = refused(REPORTS.get(0));
        int at2028 = majbidrag.getList("errors.field").indexOf("priceIndex.2028");
        assertThat(majbidrag.getString("errors[" + at2028 + "].message")).contains("rapportens prisniveau");
        int at2023 = majbidrag.getList("errors.field").indexOf("priceIndex.2023");
        assertThat(majbidrag.getString("errors[" + at2023 + "].message")).contains("prisniveauet for").contains("af rapportens forslag");

        // the files are refused the same way, before anything is written
        for (String format : List.of("csv", "xlsx")) {
            JsonPath file = json().get(REPORTS.get(0) + "&format=" + format).then().statusCode(422)
                    .contentType("application/problem+json").extract().jsonPath();
            assertThat(file.getList("errors.field")).as(format).containsExactlyElementsOf(majbidrag.getList("errors.field"));
        }
        // asked in 2027-P/L, the meeting year is not needed, the proposals' years still are
        JsonPath in2027 = refused(REPORTS.get(0) + "&priceLevelYear=2027");
        assertThat(in2027.getList("errors.field")).contains("priceIndex.2023", "priceIndex.2024", "priceIndex.2025")
                .doesNotContain("priceIndex.2028", "priceIndex.2027");
    }

    @Test
    void a_report_without_a_missing_year_converts_to_the_meeting_years_price_level_and_says_so() throws IOException {
        String report = REPORTS.get(0);
        for (int year : needed(report)) {
            store(year, year == 2023 ? 100 : year == MEETING_YEAR ? 110 : 105);
        }
        JsonPath r = json().get(report).then().statusCode(200).extract().jsonPath();
        assertThat(r.getInt("priceLevelYear")).isEqualTo(2028);
        assertThat(r.getBoolean("ownPriceLevels")).isFalse();
        int i = r.getList("rows.reference").indexOf(in2023);
        assertThat(r.getInt("rows[" + i + "].priceLevelYear")).isEqualTo(2028);
        // 1.000.000 planned for 2027 in 2023-P/L is 1.100.000 in 2028-P/L (110 / 100)
        assertThat(new BigDecimal(r.getString("rows[" + i + "].plannedPoolMoney"))).isEqualByComparingTo("1100000");

        CSVRecord line = csv(report).stream().filter(rec -> rec.get("Reference").equals(in2023)).findFirst().orElseThrow();
        assertThat(line.get("Prisniveau")).isEqualTo("2028-P/L");
    }

    @Test
    void with_no_index_at_all_each_proposal_is_in_its_own_price_level_and_no_report_year_labels_it() throws IOException {
        String report = REPORTS.get(0);
        JsonPath r = json().get(report).then().statusCode(200).extract().jsonPath();
        assertThat(r.get("priceLevelYear") == null).as("no P/L year the amounts were not converted to").isTrue();
        assertThat(r.getBoolean("ownPriceLevels")).isTrue();
        List<String> references = r.getList("rows.reference");
        for (Map.Entry<String, Integer> own : Map.of(in2023, 2023, in2024, 2024, in2026, 2026, digitalPreAnalysis2025, 2025).entrySet()) {
            int i = references.indexOf(own.getKey());
            assertThat(r.getInt("rows[" + i + "].priceLevelYear")).as(own.getKey()).isEqualTo(own.getValue());
        }
        int i = references.indexOf(in2023);
        assertThat(new BigDecimal(r.getString("rows[" + i + "].plannedPoolMoney"))).as("not converted").isEqualByComparingTo("1000000");
        JsonPath finance = json().get(REPORTS.get(1)).then().statusCode(200).extract().jsonPath();
        int c = finance.getList("rows.reference").indexOf(crossCutting2022);
        assertThat(finance.getInt("rows[" + c + "].priceLevelYear")).isEqualTo(2022);

        // CSV: each row's own price level, the totals say they are the proposals' own
        List<CSVRecord> lines = csv(report);
        CSVRecord line = lines.stream().filter(rec -> rec.get("Reference").equals(in2023)).findFirst().orElseThrow();
        assertThat(line.get("Prisniveau")).isEqualTo("2023-P/L");
        assertThat(lines.stream().filter(rec -> rec.get("Reference").equals("I alt")).map(rec -> rec.get("Prisniveau")))
                .isNotEmpty().containsOnly("Forslagenes egne prisniveauer (ikke omregnet)");
        assertThat(lines.stream().map(rec -> rec.get("Prisniveau"))).noneMatch(v -> v.equals("2028-P/L"));

        // XLSX: the same column
        byte[] xlsx = json().get(report + "&format=xlsx").then().statusCode(200).extract().asByteArray();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheet("Investeringsforslag");
            int column = columnOf(sheet, "Prisniveau");
            Row mine = rowOf(sheet, in2023);
            assertThat(mine.getCell(column).getStringCellValue()).isEqualTo("2023-P/L");
            assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(column).getStringCellValue())
                    .isEqualTo("Forslagenes egne prisniveauer (ikke omregnet)");
        }

        // the page says so under its heading and never names 2028-P/L
        Document page = Jsoup.parse(json().get(report + "&format=html").then().statusCode(200).extract().asString());
        assertThat(page.selectFirst(".report-note").text()).contains("Beløb i 1.000 kr. i forslagenes egne prisniveauer")
                .contains("der er ingen pristal").doesNotContain("-P/L");
        assertThat(page.text()).doesNotContain("2028-P/L");
    }

    @Test
    void a_cancelled_proposal_reads_annulleret_from_its_effective_year_in_the_files_and_on_the_page_and_keeps_its_json_code()
            throws IOException {
        String cancelled = investment(2026, List.of("BIF"));
        putActuals(cancelled, 2026, Bodies.actuals(2026, 3_000_000, 0, 0, 0, 0)).statusCode(200);
        long id = json().body(map("type", "CANCELLATION", "description", "Løsningen opgives", "effectiveYear", 2027))
                .post("/api/proposals/{ref}/decisions", cancelled).then().statusCode(201).extract().jsonPath().getLong("id");
        for (String body : List.of("COMMITTEE", "FINANCE_COMMITTEE", "CITY_COUNCIL")) {
            json().body(map("date", "2027-05-12", "caseReference", "2027-" + body))
                    .put("/api/proposals/{ref}/decisions/{id}/approvals/{body}", cancelled, id, body).then().statusCode(200);
        }
        String report = REPORTS.get(0);

        JsonPath r = json().get(report).then().statusCode(200).extract().jsonPath();
        int i = r.getList("rows.reference").indexOf(cancelled);
        assertThat(r.getBoolean("rows[" + i + "].cancelled")).isTrue();
        assertThat(r.getInt("rows[" + i + "].cancelledFrom")).isEqualTo(2027);
        assertThat(r.getString("rows[" + i + "].status")).as("API.md's codes are unchanged")
                .isIn("NOT_STARTED", "MISSING", "GREEN", "AMBER", "RED");
        int other = r.getList("rows.reference").indexOf(in2023);
        assertThat(r.get("rows[" + other + "].cancelledFrom") == null).isTrue();

        CSVRecord line = csv(report).stream().filter(rec -> rec.get("Reference").equals(cancelled)).findFirst().orElseThrow();
        assertThat(line.get("Status")).isEqualTo("Annulleret (fra 2027)");
        assertThat(line.get("Annulleret")).isEqualTo("Ja");
        CSVRecord notCancelled = csv(report).stream().filter(rec -> rec.get("Reference").equals(in2023)).findFirst().orElseThrow();
        assertThat(notCancelled.get("Status")).isIn("Ikke startet", "Mangler", "Grøn", "Gul", "Rød");

        byte[] xlsx = json().get(report + "&format=xlsx").then().statusCode(200).extract().asByteArray();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheet("Investeringsforslag");
            assertThat(rowOf(sheet, cancelled).getCell(columnOf(sheet, "Status")).getStringCellValue()).isEqualTo("Annulleret (fra 2027)");
        }

        Document page = Jsoup.parse(json().get(report + "&format=html").then().statusCode(200).extract().asString());
        int status = Integer.parseInt(page.selectFirst("table.report thead th[data-heading=Status]").attr("data-column"));
        Element row = page.select("table.report tbody tr:has(a)").stream().filter(tr -> tr.text().contains(cancelled)).findFirst()
                .orElseThrow();
        assertThat(row.child(status).text()).isEqualTo("Annulleret (fra 2027)");
        assertThat(row.select("[class*=status]")).as("never a colour").isEmpty();
        // the status chart counts the cancelled rows as cancelled, not as a colour
        long cancelledRows = r.getList("rows.cancelledFrom").stream().filter(v -> v != null).count();
        Element statusTable = page.select("table.chart-data").last();
        assertThat(statusTable.select("tbody tr").stream().filter(tr -> tr.selectFirst("th").text().equals("Annulleret"))
                .map(tr -> Long.parseLong(tr.selectFirst("td").text()))).containsExactly(cancelledRows);

        // the next year's report no longer holds it
        assertThat(json().get("/api/reports/majbidrag/2029?committee=BIU").then().statusCode(200).extract().jsonPath()
                .getList("rows.reference")).doesNotContain(cancelled);
    }

    static List<CSVRecord> csv(String report) throws IOException {
        byte[] csv = json().get(report + (report.contains("?") ? "&" : "?") + "format=csv").then().statusCode(200).extract().asByteArray();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                .parse(new InputStreamReader(new ByteArrayInputStream(csv, 3, csv.length - 3), StandardCharsets.UTF_8))) {
            return parser.getRecords();
        }
    }

    static int columnOf(Sheet sheet, String heading) {
        Row head = sheet.getRow(0);
        for (int c = 0; c < head.getLastCellNum(); c++) {
            if (head.getCell(c).getStringCellValue().equals(heading)) {
                return c;
            }
        }
        throw new AssertionError("no column " + heading);
    }

    static Row rowOf(Sheet sheet, String reference) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && row.getCell(0) != null && reference.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row " + reference);
    }
}
