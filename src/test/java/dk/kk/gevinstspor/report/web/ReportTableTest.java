package dk.kk.gevinstspor.report.web;

import static dk.kk.gevinstspor.common.web.Browser.page;
import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.putActuals;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.common.web.Browser;
import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.path.json.JsonPath;

/**
 * The report table as the page, the CSV and the XLSX give it (jsoup, Commons CSV, POI): column groups, detail
 * columns, exact figures, links, Danish labels, the files' unit row, and the same columns in the same order under the
 * same headings on the screen and in the files.
 */
@QuarkusTest
class ReportTableTest {

    static final String PAGE = "/rapporter?rapport=majbidrag&aar=2030&udvalg=BUU";
    static final String API = "/api/reports/majbidrag/2030?committee=BUU";
    static final List<String> DETAILS = List.of("Tilbageført til kassen", "Fuldt implementeret", "Annulleret", "Mål", "Lån",
            "Verserende ændringer", "Forklaring", "Prisniveau");
    /** A code as the API writes it: what a reader must never see (GREEN, TRANSFER_CASE, …). */
    static final Pattern CODE = Pattern.compile("\\b([A-Z]+_[A-Z_]+|GREEN|AMBER|RED|MISSING|INVESTMENT|INNOVATION|BUDGET|TOTAL|BEHIND|REPAID)\\b");
    static String reference;

    @BeforeEach
    void data() {
        if (reference != null) {
            return;
        }
        Browser.user("reporttable.viewer", "report-table-password", "viewer", List.of());
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        Map<String, Object> actuals = Bodies.actuals(2029, 1_234_567.5, 0, 0, 1_987_654, 0);
        actuals.put("explanation", "Indkøbet blev fremrykket");
        putActuals(ref, 2029, actuals).statusCode(200);
        reference = ref;
    }

    static CookieFilter viewer() {
        return Browser.login("reporttable.viewer", "report-table-password");
    }

    @Test
    void the_page_groups_the_years_and_the_cumulative_figures_marks_the_details_and_keeps_exact_figures_and_links() {
        JsonPath report = json().get(API).then().statusCode(200).extract().jsonPath();
        Document page = page(viewer(), PAGE, 200);
        Element table = page.selectFirst(".report-table .table-scroll[role=region][tabindex=0] table.report");
        assertThat(table).isNotNull();
        assertThat(page.select("script[src=/js/report.js]")).hasSize(1);

        // two heading rows: the groups over their columns, the other columns over both rows
        Element groups = table.selectFirst("thead tr");
        assertThat(groups.select("th[scope=colgroup]")).extracting(Element::text, th -> th.attr("colspan"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Regnskabsår 2029", "4"),
                        org.assertj.core.groups.Tuple.tuple("I alt til og med 2029", "6"));
        assertThat(groups.select("th[scope=col]").eachAttr("rowspan")).containsOnly("2");
        assertThat(table.select("thead tr").get(1).select("th").eachText()).containsExactly("Puljemidler plan", "Puljemidler faktisk",
                "Gevinst plan", "Gevinst faktisk", "Puljemidler plan", "Puljemidler faktisk", "Gevinst plan", "Gevinst faktisk",
                "Realisering", "Forbrugsgrad");
        assertThat(table.select("colgroup.group").eachAttr("span")).containsExactly("4", "6");
        assertThat(table.select("colgroup").stream().mapToInt(c -> Integer.parseInt(c.attr("span"))).sum()).isEqualTo(headings(page).size());

        // the detail columns: headings and every cell marked, so the page may hide them
        List<String> headings = headings(page);
        assertThat(table.select("thead th.detail").eachAttr("data-heading")).containsExactlyElementsOf(DETAILS);
        Element row = table.select("tbody tr:has(a.reference)").stream().filter(tr -> tr.text().contains(reference)).findFirst().orElseThrow();
        for (int c = 0; c < headings.size(); c++) {
            assertThat(row.child(c).hasClass("detail")).as(headings.get(c)).isEqualTo(DETAILS.contains(headings.get(c)));
        }

        // the reference: a row heading, a link to the proposal, never broken
        Element first = row.child(0);
        assertThat(first.tagName()).isEqualTo("th");
        assertThat(first.attr("scope")).isEqualTo("row");
        assertThat(first.selectFirst("a.reference").attr("href")).isEqualTo("/forslag/" + reference);

        // exact figures for the script's sort and for checking, the text in 1.000 kr. and %
        int i = report.getList("rows.reference").indexOf(reference);
        Element actualPool = row.child(headings.indexOf("Puljemidler faktisk 2029"));
        assertThat(new BigDecimal(actualPool.attr("data-value"))).isEqualByComparingTo("1234567.5");
        assertThat(actualPool.text()).isEqualTo("1.235");
        Element realisation = row.child(headings.indexOf("Realisering"));
        BigDecimal ratio = new BigDecimal(report.getString("rows[" + i + "].realisation"));
        assertThat(new BigDecimal(realisation.attr("data-value"))).isEqualByComparingTo(ratio);
        assertThat(realisation.text()).isEqualTo(ratio.movePointRight(2).setScale(0, RoundingMode.HALF_UP) + " %");
        assertThat(row.child(headings.indexOf("Verserende ændringer")).attr("data-value")).isEqualTo("0");
        assertThat(row.child(headings.indexOf("Fuldt implementeret")).text()).isIn("Ja", "Nej");

        // print: the reference and the detail columns as a table of their own
        assertThat(page.select(".print-only table.report-details thead th").eachAttr("data-heading"))
                .containsExactlyElementsOf(concat(List.of("Reference"), DETAILS));
        assertThat(CODE.matcher(page.selectFirst("main").text()).find()).as(page.selectFirst("main").text()).isFalse();
    }

    @Test
    void the_files_have_the_pages_columns_in_its_order_under_its_headings_with_a_unit_row_and_its_units() throws IOException {
        JsonPath report = json().get(API).then().statusCode(200).extract().jsonPath();
        String unit = "1.000 kr., " + (report.getBoolean("ownPriceLevels") ? "forslagenes egne prisniveauer" : report.getInt("priceLevelYear") + "-P/L");
        Document page = page(viewer(), PAGE, 200);
        List<String> headings = headings(page);
        Element row = page.select("table.report tbody tr:has(a.reference)").stream().filter(tr -> tr.text().contains(reference)).findFirst()
                .orElseThrow();

        List<CSVRecord> csv = csv(API);
        List<String> header = new ArrayList<>(csv.get(0).toList());
        boolean sections = header.get(0).equals("Afsnit");
        List<String> columns = sections ? header.subList(1, header.size()) : header;
        assertThat(columns).as("the CSV's columns are the page's").containsExactlyElementsOf(headings);
        List<String> units = csv.get(1).toList();
        assertThat(units.get(0)).isEqualTo("Enhed");
        int offset = sections ? 1 : 0;
        for (int c = 0; c < headings.size(); c++) {
            String expected = page.selectFirst("table.report thead th[data-column=" + c + "]").hasClass("amount")
                    ? (headings.get(c).equals("Realisering") || headings.get(c).equals("Forbrugsgrad") ? "%"
                            : headings.get(c).equals("Verserende ændringer") ? "" : unit)
                    : c + offset == 0 ? "Enhed" : "";
            assertThat(units.get(c + offset)).as(headings.get(c)).isEqualTo(expected);
        }
        CSVRecord line = csv.stream().filter(r -> r.get(offset).equals(reference)).findFirst().orElseThrow();
        for (String amount : List.of("Puljemidler faktisk 2029", "Gevinst faktisk 2029", "Realisering", "Forbrugsgrad", "Fuldt implementeret")) {
            String shown = row.child(headings.indexOf(amount)).text();
            assertThat(line.get(headings.indexOf(amount) + offset)).as(amount + ": the screen's figure, without separators and unit")
                    .isEqualTo(shown.replace(".", "").replace(" %", ""));
        }
        assertThat(line.get(headings.indexOf("Puljemidler faktisk 2029") + offset)).isEqualTo("1235");

        byte[] xlsx = json().get(API + "&format=xlsx").then().statusCode(200).extract().asByteArray();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheet("Investeringsforslag");
            List<String> xlsxHeadings = new ArrayList<>();
            sheet.getRow(0).forEach(c -> xlsxHeadings.add(c.getStringCellValue()));
            assertThat(xlsxHeadings).as("the XLSX's columns are the page's").containsExactlyElementsOf(headings);
            Row unitRow = sheet.getRow(1);
            assertThat(unitRow.getCell(0).getStringCellValue()).isEqualTo("Enhed");
            assertThat(unitRow.getCell(headings.indexOf("Gevinst plan i alt")).getStringCellValue()).isEqualTo(unit);
            assertThat(unitRow.getCell(headings.indexOf("Realisering")).getStringCellValue()).isEqualTo("%");
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).as("heading and unit rows frozen").isEqualTo((short) 2);
            Row mine = null;
            for (Row r : sheet) {
                if (r.getCell(0) != null && reference.equals(r.getCell(0).getStringCellValue())) {
                    mine = r;
                }
            }
            assertThat(mine).isNotNull();
            // exact kroner, shown in 1.000 kr. by the number format; the ratio exact, shown in whole per cent
            var amount = mine.getCell(headings.indexOf("Puljemidler faktisk 2029"));
            assertThat(amount.getNumericCellValue()).isEqualTo(1_234_567.5);
            assertThat(amount.getCellStyle().getDataFormatString()).isEqualTo("#,##0,");
            var ratio = mine.getCell(headings.indexOf("Realisering"));
            int i = report.getList("rows.reference").indexOf(reference);
            assertThat(BigDecimal.valueOf(ratio.getNumericCellValue())).isEqualByComparingTo(report.getString("rows[" + i + "].realisation"));
            assertThat(ratio.getCellStyle().getDataFormatString()).isEqualTo("0\" \"%");
        }
    }

    @Test
    void the_frames_and_the_loan_book_read_in_danish_on_the_page_and_in_the_files() throws IOException {
        CookieFilter viewer = viewer();
        Document frames = page(viewer, "/rapporter?rapport=rammer&aar=2026", 200);
        assertThat(frames.select("table.report tbody th.row-head").eachText()).containsExactly("Overførselssagen", "Budgettet",
                "Forvaltningsspecifikke foranalyser", "Tværgående foranalyser", "I alt");
        assertThat(frames.select("table.report thead th").eachText()).containsExactly("Ramme", "Rammebeløb", "Udmøntet", "Overskredet");
        String framesCsv = String.join("\n", csv("/api/reports/innovation-frames/2026").stream().map(r -> String.join(";", r.toList())).toList());
        assertThat(framesCsv).contains("Overførselssagen").contains("Budgettet").contains("I alt");
        assertThat(CODE.matcher(framesCsv).find()).as(framesCsv).isFalse();

        for (String path : List.of("/rapporter?rapport=rammer&aar=2026", "/rapporter?rapport=laan&aar=2029", PAGE,
                "/rapporter?rapport=it-kredsen&aar=2030", "/rapporter?rapport=oekonomiudvalget&aar=2030")) {
            String text = page(viewer, path, 200).selectFirst("main").text();
            assertThat(CODE.matcher(text).find()).as(path + ": " + text).isFalse();
        }
        for (String api : List.of("/api/reports/loans/2029", API, "/api/reports/it-kreds/2030")) {
            String text = String.join("\n", csv(api).stream().map(r -> String.join(";", r.toList())).toList());
            assertThat(CODE.matcher(text).find()).as(api + ": " + text).isFalse();
        }
    }

    /** The page's columns in order, by their whole heading (the files' heading). */
    static List<String> headings(Document page) {
        List<Element> th = new ArrayList<>(page.select("table.report thead th[data-column]"));
        th.sort(java.util.Comparator.comparingInt(e -> Integer.parseInt(e.attr("data-column"))));
        return th.stream().map(e -> e.attr("data-heading")).toList();
    }

    static List<CSVRecord> csv(String api) throws IOException {
        byte[] csv = json().get(api + (api.contains("?") ? "&" : "?") + "format=csv").then().statusCode(200).extract().asByteArray();
        return CSVFormat.DEFAULT.builder().setDelimiter(';').get()
                .parse(new InputStreamReader(new ByteArrayInputStream(csv, 3, csv.length - 3), StandardCharsets.UTF_8)).getRecords();
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

}
