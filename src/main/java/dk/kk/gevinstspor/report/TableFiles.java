package dk.kk.gevinstspor.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
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
 * Writes a {@link Table} as CSV for Danish Excel (UTF-8 with BOM, {@code ;}, decimal comma) or as XLSX (numbers
 * as numbers with a thousands format, a frozen bold header row, a totals row, one sheet per section). Text that
 * begins with {@code =}, {@code +}, {@code -} or {@code @} is neutralised so that no spreadsheet runs it.
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

    private static List<String> cells(Table table, Table.Section section, List<Object> row) {
        List<String> cells = new ArrayList<>();
        if (table.sections().size() > 1) {
            cells.add(section.name());
        }
        for (Object value : row) {
            cells.add(csvCell(value));
        }
        return cells;
    }

    private static String csvCell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal number) {
            return Numbers.plainString(number).replace('.', ',');
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
            amount.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            CellStyle ratio = workbook.createCellStyle();
            ratio.setDataFormat(workbook.createDataFormat().getFormat("0.000"));
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
                sheet.createFreezePane(0, 1);
                int r = 1;
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

    /** Excel allows 31 characters and no {@code []:*?/\} in a sheet's name. */
    private static String sheetName(String name) {
        String safe = name.replaceAll("[\\[\\]:*?/\\\\]", " ");
        return safe.length() > 31 ? safe.substring(0, 31) : safe;
    }
}
