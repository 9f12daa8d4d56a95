package dk.kk.gevinstspor.e2e;

import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.num;
import static dk.kk.gevinstspor.proposal.Api.putActuals;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The files the service writes, opened by LibreOffice Calc as staff open them: the majbidrag's XLSX and Danish CSV
 * hold the JSON report's numbers, and the import template, filled in and saved by LibreOffice, imports.
 */
@QuarkusTest
class SpreadsheetsInLibreOfficeTest {

    static final int MEETING_YEAR = 2030;
    static final int ACCOUNTS_YEAR = 2029;

    /** The file's amount headings and the JSON report's fields they show. */
    static final Map<String, String> AMOUNTS = Map.of("Tilbageført til kassen", "treasuryReturn",
            "Puljemidler plan " + ACCOUNTS_YEAR, "plannedPoolMoney", "Puljemidler faktisk " + ACCOUNTS_YEAR, "actualPoolMoney",
            "Gevinst plan " + ACCOUNTS_YEAR, "plannedGain", "Gevinst faktisk " + ACCOUNTS_YEAR, "actualGain",
            "Puljemidler plan i alt", "cumulativePlannedPoolMoney", "Puljemidler faktisk i alt", "cumulativeActualPoolMoney",
            "Gevinst plan i alt", "cumulativePlannedGain", "Gevinst faktisk i alt", "cumulativeActualGain");

    @Test
    void libreoffice_reads_the_json_reports_numbers_from_the_majbidrag_xlsx_and_csv() throws IOException {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        putActuals(ref, 2028, Bodies.actuals(2028, 0, 0, 0, 1_480_000, 0)).statusCode(200);
        putActuals(ref, ACCOUNTS_YEAR, Bodies.actuals(ACCOUNTS_YEAR, 0, 0, 0, new BigDecimal("1987654.32"), 0)).statusCode(200);
        Map<String, Map<String, Object>> report = jsonRows();
        assertThat(report).containsKey(ref);

        Path xlsx = download("/api/reports/majbidrag/" + MEETING_YEAR + "?committee=BUU&format=xlsx", "majbidrag.xlsx");
        List<Path> sheets = LibreOffice.convert(xlsx, null, LibreOffice.CSV_EVERY_SHEET, folder("libreoffice"));
        int compared = 0;
        for (Path sheet : sheets) {
            compared += compare(sheet, report, false);
        }
        assertThat(compared).as("rows LibreOffice read from the XLSX").isEqualTo(report.size());

        Path csv = download("/api/reports/majbidrag/" + MEETING_YEAR + "?committee=BUU&format=csv", "majbidrag.csv");
        List<Path> converted = LibreOffice.convert(csv, LibreOffice.DANISH_CSV_IN, LibreOffice.CSV_EVERY_SHEET, folder("libreoffice"));
        assertThat(converted).hasSize(1);
        assertThat(compare(converted.get(0), report, true)).as("rows LibreOffice read from the CSV").isEqualTo(report.size());
    }

    @Test
    void the_import_template_filled_in_and_saved_by_libreoffice_imports_and_its_untouched_rows_change_nothing() throws IOException {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        String stored = Bodies.reference("BUF");
        created(Bodies.investment(stored));
        putActuals(stored, ACCOUNTS_YEAR, Map.of("year", ACCOUNTS_YEAR, "investment", 0, "operationFunding", 0, "operatingCost", 0,
                "serviceEfficiency", new BigDecimal("1987654.32"), "transferEffect", 0, "repayment", 0, "kpis", Map.of("K1", 1100.5),
                "explanation", "Lidt under planen")).statusCode(200);
        Path template = download("/api/imports/actuals/template?year=" + ACCOUNTS_YEAR + "&committee=BUU&format=xlsx", "skabelon.xlsx");

        // staff type the year's figures into their proposal's row and leave the other rows as they are
        Path filled = folder("files").resolve("udfyldt.xlsx");
        try (InputStream in = Files.newInputStream(template); Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            Map<String, Integer> column = new HashMap<>();
            sheet.getRow(0).forEach(c -> column.put(c.getStringCellValue(), c.getColumnIndex()));
            Row mine = null;
            for (Row row : sheet) {
                if (row.getRowNum() > 0 && ref.equals(row.getCell(0).getStringCellValue())) {
                    mine = row;
                }
            }
            assertThat(mine).as("the template's row for " + ref).isNotNull();
            assertThat(mine.getCell(column.get("Plan: Effektivisering på service")).getNumericCellValue()).isEqualTo(2_000_000d);
            mine.getCell(column.get("Effektivisering på service")).setCellValue(1_950_000.5);
            try (OutputStream out = Files.newOutputStream(filled)) {
                workbook.write(out);
            }
        }
        Path saved = LibreOffice.convert(filled, null, "xlsx:Calc MS Excel 2007 XML", folder("libreoffice")).get(0);
        try (InputStream in = Files.newInputStream(saved); Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getProtect()).as("LibreOffice keeps the sheet protected").isTrue();
            Map<String, Integer> column = new HashMap<>();
            sheet.getRow(0).forEach(c -> column.put(c.getStringCellValue(), c.getColumnIndex()));
            for (Row row : sheet) {
                if (row.getRowNum() > 0 && stored.equals(row.getCell(0).getStringCellValue())) {
                    assertThat(row.getCell(column.get("Plan: Effektivisering på service")).getCellStyle().getLocked()).isTrue();
                    assertThat(row.getCell(column.get("Effektivisering på service")).getCellStyle().getLocked()).isFalse();
                    assertThat(row.getCell(column.get("Effektivisering på service")).getNumericCellValue()).isEqualTo(1_987_654.32);
                }
            }
        }

        json().contentType("multipart/form-data").multiPart("file", saved.toFile(),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").post("/api/imports/actuals").then().statusCode(200)
                .body("created", num(1)).body("updated", num(0));
        json().get("/api/proposals/{ref}/actuals", ref).then()
                .body("find { it.year == " + ACCOUNTS_YEAR + " }.serviceEfficiency", num("1950000.5"))
                .body("find { it.year == " + ACCOUNTS_YEAR + " }.investment", num(0));
        json().get("/api/proposals/{ref}/actuals", stored).then().body("[0].version", num(0)).body("[0].kpis.K1", num("1100.5"))
                .body("[0].explanation", org.hamcrest.Matchers.equalTo("Lidt under planen"));
    }

    /**
     * Compares each proposal row of a sheet LibreOffice wrote with the JSON report; returns how many rows it compared.
     * The XLSX keeps the exact kroner (shown in 1.000 kr. by its number format); the CSV holds what the page shows,
     * whole 1.000 kr. ({@code thousands}).
     */
    private static int compare(Path sheet, Map<String, Map<String, Object>> report, boolean thousands) throws IOException {
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(Files.newBufferedReader(sheet, StandardCharsets.UTF_8)).getRecords();
        CSVRecord header = records.stream().filter(r -> r.size() > 1 && r.get(0).equals("Reference")).findFirst().orElseThrow(
                () -> new AssertionError("no heading row in " + sheet));
        Map<String, Integer> column = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i), i);
        }
        assertThat(column.keySet()).containsAll(AMOUNTS.keySet());
        int compared = 0;
        for (CSVRecord record : records) {
            Map<String, Object> expected = report.get(record.get(0));
            if (expected == null) {
                continue;
            }
            compared++;
            for (var amount : AMOUNTS.entrySet()) {
                String cell = record.get(column.get(amount.getKey()));
                Object value = expected.get(amount.getValue());
                String what = "%s %s in %s".formatted(record.get(0), amount.getKey(), sheet.getFileName());
                if (value == null) {
                    assertThat(cell).as(what).isEmpty();
                } else {
                    BigDecimal exact = new BigDecimal(value.toString());
                    assertThat(new BigDecimal(cell)).as(what).isEqualByComparingTo(thousands
                            ? exact.divide(BigDecimal.valueOf(1000), 0, java.math.RoundingMode.HALF_UP) : exact);
                }
            }
        }
        return compared;
    }

    private static Map<String, Map<String, Object>> jsonRows() {
        List<Map<String, Object>> rows = json().queryParam("committee", "BUU").get("/api/reports/majbidrag/" + MEETING_YEAR).then().statusCode(200)
                .extract().jsonPath().getList("rows");
        Map<String, Map<String, Object>> byReference = new LinkedHashMap<>();
        rows.forEach(r -> byReference.put((String) r.get("reference"), r));
        return byReference;
    }

    private static Path download(String path, String name) throws IOException {
        Path file = folder("files").resolve(name);
        Files.write(file, json().accept("*/*").get(path).then().statusCode(200).extract().asByteArray());
        return file;
    }

    /** A fresh folder of its own under {@code target/e2e/}. */
    private static Path folder(String kind) throws IOException {
        return Files.createDirectories(Chromium.FOLDER.resolve(kind).resolve(UUID.randomUUID().toString()));
    }

}
