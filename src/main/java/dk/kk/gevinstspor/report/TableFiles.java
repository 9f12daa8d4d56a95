package dk.kk.gevinstspor.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import dk.kk.gevinstspor.actuals.imports.TemplateWriter;
import dk.kk.gevinstspor.common.Numbers;

/**
 * Writes a {@link Table} as CSV for Danish Excel (UTF-8 with BOM, {@code ;}, decimal comma) or as XLSX (a frozen
 * bold header row, one sheet per section, a totals row), with the page's columns, order, headings and units: under
 * the headings a unit row ("1.000 kr., 2027-P/L" over the amounts, "%" over the ratios). The CSV holds what the page
 * shows (amounts in whole 1.000 kr., ratios in whole per cent); the XLSX keeps the exact figures (kroner, ratios) and
 * shows them the same way with a number format ({@code #,##0,} and {@code 0 %}). Text that begins with {@code =},
 * {@code +}, {@code -} or {@code @} is neutralised so that no spreadsheet runs it.
 */
public final class TableFiles {

    private TableFiles() {
    }

    public static void csv(Table table, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        List<String> header = new ArrayList<>();
        if (table.sections().size() > 1) {
            header.add("Afsnit");
        }
        table.columns().forEach(c -> header.add(c.heading()));
        line(w, header);
        line(w, units(table));
        for (Table.Section section : table.sections()) {
            for (List<Object> row : section.rows()) {
                line(w, cells(table, section, row));
            }
            if (section.totals() != null) {
                line(w, cells(table, section, section.totals()));
            }
        }
        w.flush();
    }

    /** The unit row: "Enhed", then each column's unit ("1.000 kr., 2027-P/L", "%") or nothing. */
    static List<String> units(Table table) {
        List<String> cells = new ArrayList<>();
        if (table.sections().size() > 1) {
            cells.add("");
        }
        for (Table.Column column : table.columns()) {
            cells.add(switch (column.kind()) {
                case AMOUNT -> table.unit();
                case RATIO -> "%";
                default -> "";
            });
        }
        cells.set(0, "Enhed");
        return cells;
    }

    private static List<String> cells(Table table, Table.Section section, List<Object> row) {
        List<String> cells = new ArrayList<>();
        if (table.sections().size() > 1) {
            cells.add(section.name());
        }
        for (int c = 0; c < row.size(); c++) {
            cells.add(csvCell(table.columns().get(c).kind(), row.get(c)));
        }
        return cells;
    }

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** As the page shows it, without thousands separators: amounts in whole 1.000 kr., ratios in whole per cent. */
    private static String csvCell(Table.Kind kind, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal number) {
            BigDecimal shown = switch (kind) {
                case AMOUNT -> number.divide(THOUSAND, 0, RoundingMode.HALF_UP);
                case RATIO -> number.multiply(HUNDRED).setScale(0, RoundingMode.HALF_UP);
                default -> number;
            };
            return Numbers.plainString(shown).replace('.', ',');
        }
        if (value instanceof Boolean yes) {
            return yes ? "Ja" : "Nej";
        }
        String text = TemplateWriter.neutralised(value.toString());
        return text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static void line(Writer w, List<String> cells) throws IOException {
        w.write(String.join(";", cells));
        w.write("\r\n");
    }

    public static void xlsx(Table table, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle amount = workbook.createCellStyle();
            amount.setDataFormat(workbook.createDataFormat().getFormat(THOUSANDS_FORMAT));
            CellStyle ratio = workbook.createCellStyle();
            ratio.setDataFormat(workbook.createDataFormat().getFormat(PERCENT_FORMAT));
            CellStyle unit = workbook.createCellStyle();
            Font italic = workbook.createFont();
            italic.setItalic(true);
            unit.setFont(italic);
            CellStyle totalAmount = workbook.createCellStyle();
            totalAmount.cloneStyleFrom(amount);
            totalAmount.setFont(bold);
            for (Table.Section section : table.sections()) {
                Sheet sheet = workbook.createSheet(sheetName(section.name()));
                Row head = sheet.createRow(0);
                for (int c = 0; c < table.columns().size(); c++) {
                    Cell cell = head.createCell(c);
                    cell.setCellValue(table.columns().get(c).heading());
                    cell.setCellStyle(header);
                }
                Row units = sheet.createRow(1);
                List<String> unitCells = units(new Table(table.title(), table.columns(), List.of(section), table.unit()));
                for (int c = 0; c < unitCells.size(); c++) {
                    if (!unitCells.get(c).isEmpty()) {
                        Cell cell = units.createCell(c);
                        cell.setCellValue(unitCells.get(c));
                        cell.setCellStyle(unit);
                    }
                }
                sheet.createFreezePane(0, 2);
                int r = 2;
                for (List<Object> values : section.rows()) {
                    write(sheet.createRow(r++), table, values, amount, ratio, null);
                }
                if (section.totals() != null) {
                    write(sheet.createRow(r), table, section.totals(), totalAmount, ratio, header);
                }
                if (sheet instanceof SXSSFSheet streaming) {
                    streaming.trackAllColumnsForAutoSizing();
                }
                for (int c = 0; c < Math.min(3, table.columns().size()); c++) {
                    sheet.autoSizeColumn(c);
                }
            }
            workbook.write(out);
            workbook.dispose();
        }
    }

    private static void write(Row row, Table table, List<Object> values, CellStyle amount, CellStyle ratio, CellStyle text) {
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            switch (table.columns().get(c).kind()) {
                case AMOUNT -> {
                    cell.setCellValue(((BigDecimal) value).doubleValue());
                    cell.setCellStyle(amount);
                }
                case RATIO -> {
                    cell.setCellValue(((BigDecimal) value).doubleValue());
                    cell.setCellStyle(ratio);
                }
                case NUMBER -> cell.setCellValue(((Number) value).doubleValue());
                case YES_NO -> cell.setCellValue((Boolean) value ? "Ja" : "Nej");
                case TEXT -> {
                    cell.setCellValue(TemplateWriter.neutralised(value.toString()));
                    if (text != null) {
                        cell.setCellStyle(text);
                    }
                }
            }
        }
    }

    /** Kroner shown in whole 1.000 kr. (the trailing comma divides by 1.000 for display only; the cell keeps the kroner). */
    static final String THOUSANDS_FORMAT = "#,##0,";
    /** A ratio shown in whole per cent: 0.972 as "97 %". */
    static final String PERCENT_FORMAT = "0\" \"%";

    /** Excel allows 31 characters and no {@code []:*?/\} in a sheet's name. */
    private static String sheetName(String name) {
        String safe = name.replaceAll("[\\[\\]:*?/\\\\]", " ");
        return safe.length() > 31 ? safe.substring(0, 31) : safe;
    }
}
