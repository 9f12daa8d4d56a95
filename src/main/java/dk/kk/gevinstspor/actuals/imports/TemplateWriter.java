package dk.kk.gevinstspor.actuals.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import dk.kk.gevinstspor.common.Numbers;
import dk.kk.gevinstspor.domain.FollowUpTarget;
import dk.kk.gevinstspor.domain.PlanYear;
import dk.kk.gevinstspor.domain.YearlyActual;
import dk.kk.gevinstspor.portfolio.Stored;

/**
 * The file staff fill in: one row per proposal that needs figures for the year, with Danish headings (the form's
 * labels, {@link Column#heading}): its reference, title and year, beside each amount the plan's figure for the year
 * as a read-only context column ("Plan: …", which the importer ignores), the amounts, the explanation and a column per
 * KPI and milestone of the proposals' targets, filled with the figures stored for the year where there are any (a
 * blank cell changes nothing on import). In XLSX the context columns are grey and locked (the sheet is protected
 * without a password; the input cells are not locked) and amounts are number cells shown {@code #,##0.00} (Danish
 * Excel: 1.234.567,50). Text cells that begin with =, +, - or @ are neutralised so that no spreadsheet runs them.
 */
public final class TemplateWriter {

    private TemplateWriter() {
    }

    enum Kind { TEXT, AMOUNT, NUMBER, YEAR }

    /** A column of the template: its heading, whether staff fill it in, its kind, and its value for a proposal. */
    record TemplateColumn(String heading, boolean input, Kind kind, Function<Stored, Object> value) {
    }

    /** The template's columns for the proposals and the year. */
    static List<TemplateColumn> columns(List<Stored> proposals, int year) {
        List<TemplateColumn> columns = new ArrayList<>();
        columns.add(new TemplateColumn(Column.REFERENCE.heading, false, Kind.TEXT, s -> s.proposal().reference()));
        columns.add(new TemplateColumn(Column.IGNORED.heading, false, Kind.TEXT, s -> s.proposal().title()));
        columns.add(new TemplateColumn(Column.YEAR.heading, false, Kind.YEAR, s -> year));
        for (Column amount : Column.PLANNED) {
            columns.add(new TemplateColumn(Column.PLAN_PREFIX + amount.heading, false, Kind.AMOUNT, s -> planned(s, year, amount)));
            columns.add(new TemplateColumn(amount.heading, true, Kind.AMOUNT, s -> stored(s, year).map(a -> amount(a, amount)).orElse(null)));
        }
        columns.add(new TemplateColumn(Column.REPAYMENT.heading, true, Kind.AMOUNT,
                s -> stored(s, year).map(a -> amount(a, Column.REPAYMENT)).orElse(null)));
        columns.add(new TemplateColumn(Column.EXPLANATION.heading, true, Kind.TEXT,
                s -> stored(s, year).map(YearlyActual::explanation).orElse(null)));
        Map<String, String> kpis = new TreeMap<>();
        Map<String, Boolean> milestones = new TreeMap<>();
        for (Stored s : proposals) {
            for (FollowUpTarget t : s.proposal().targets()) {
                if (t instanceof FollowUpTarget.Kpi k) {
                    String heading = Column.kpiHeading(k.code(), k.description() == null ? null
                            : k.description() + (k.unit() == null || k.unit().isBlank() ? "" : " (" + k.unit() + ")"));
                    // one column per code: named by its description when all proposals describe it alike
                    kpis.merge(k.code(), heading, (a, b) -> a.equals(b) ? a : Column.kpiHeading(k.code(), null));
                } else if (t instanceof FollowUpTarget.Milestone) {
                    milestones.put(t.code(), true);
                }
            }
        }
        kpis.forEach((code, heading) -> columns.add(new TemplateColumn(heading, true, Kind.NUMBER,
                s -> stored(s, year).map(a -> (Object) a.kpis().get(code)).orElse(null))));
        milestones.keySet().forEach(code -> columns.add(new TemplateColumn(Column.milestoneHeading(code), true, Kind.YEAR,
                s -> stored(s, year).map(a -> (Object) a.milestones().get(code)).orElse(null))));
        return columns;
    }

    private static Optional<YearlyActual> stored(Stored s, int year) {
        return s.actuals() == null ? Optional.empty() : s.actuals().forYear(year);
    }

    private static BigDecimal planned(Stored s, int year, Column amount) {
        PlanYear y = s.proposal().plan().forYear(year);
        return switch (amount) {
            case INVESTMENT -> y.investment().value();
            case OPERATION_FUNDING -> y.operationFunding().value();
            case OPERATING_COST -> y.operatingCost().value();
            case SERVICE_EFFICIENCY -> y.serviceEfficiency().value();
            default -> y.transferEffect().value();
        };
    }

    private static BigDecimal amount(YearlyActual a, Column amount) {
        return switch (amount) {
            case INVESTMENT -> a.investment().value();
            case OPERATION_FUNDING -> a.operationFunding().value();
            case OPERATING_COST -> a.operatingCost().value();
            case SERVICE_EFFICIENCY -> a.serviceEfficiency().value();
            case TRANSFER_EFFECT -> a.transferEffect().value();
            default -> a.repayment().value();
        };
    }

    /** CSV as Danish Excel reads it: UTF-8 with BOM, {@code ;}, decimal comma. */
    public static void csv(List<Stored> proposals, int year, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        List<TemplateColumn> columns = columns(proposals, year);
        w.write(String.join(";", columns.stream().map(c -> csvText(c.heading())).toList()));
        w.write("\r\n");
        for (Stored s : proposals) {
            List<String> cells = new ArrayList<>(columns.size());
            for (TemplateColumn c : columns) {
                Object v = c.value().apply(s);
                cells.add(v == null ? "" : v instanceof BigDecimal d ? Numbers.plainString(d).replace('.', ',') : csvText(v.toString()));
            }
            w.write(String.join(";", cells));
            w.write("\r\n");
        }
        w.flush();
    }

    /** XLSX: a frozen bold header, the context columns grey and locked, amounts as numbers. */
    public static void xlsx(List<Stored> proposals, int year, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            SXSSFSheet sheet = workbook.createSheet("Indberetning " + year);
            Styles styles = new Styles(workbook);
            List<TemplateColumn> columns = columns(proposals, year);
            Row head = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                TemplateColumn c = columns.get(i);
                Cell cell = head.createCell(i);
                cell.setCellValue(c.heading());
                cell.setCellStyle(c.input() ? styles.header : styles.contextHeader);
                sheet.setColumnWidth(i, Math.min(60, Math.max(12, c.heading().length() + 2)) * 256);
                if (c.input()) {
                    sheet.setDefaultColumnStyle(i, styles.input(c.kind()));
                }
            }
            sheet.createFreezePane(3, 1);
            int r = 1;
            for (Stored s : proposals) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < columns.size(); i++) {
                    TemplateColumn c = columns.get(i);
                    Cell cell = row.createCell(i);
                    cell.setCellStyle(c.input() ? styles.input(c.kind()) : styles.context(c.kind()));
                    Object v = c.value().apply(s);
                    if (v instanceof BigDecimal d) {
                        cell.setCellValue(d.doubleValue());
                    } else if (v instanceof Integer n) {
                        cell.setCellValue(n);
                    } else if (v != null) {
                        cell.setCellValue(neutralised(v.toString()));
                    }
                }
            }
            sheet.lockFormatColumns(false);
            sheet.lockFormatRows(false);
            sheet.lockSelectLockedCells(false);
            sheet.protectSheet("");
            workbook.write(out);
            workbook.dispose();
        }
    }

    /** The template's cell styles: input cells unlocked, context cells grey and locked; amounts {@code #,##0.00}. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle contextHeader;
        final CellStyle contextText;
        final CellStyle contextAmount;
        final CellStyle inputText;
        final CellStyle inputAmount;
        final CellStyle inputNumber;

        Styles(SXSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            short amount = workbook.createDataFormat().getFormat("#,##0.00");
            short number = workbook.createDataFormat().getFormat("#,##0.##");
            header = style(workbook, true, false, (short) -1, bold);
            contextHeader = style(workbook, true, true, (short) -1, bold);
            contextText = style(workbook, true, true, (short) -1, null);
            contextAmount = style(workbook, true, true, amount, null);
            inputText = style(workbook, false, false, (short) -1, null);
            inputAmount = style(workbook, false, false, amount, null);
            inputNumber = style(workbook, false, false, number, null);
        }

        CellStyle input(Kind kind) {
            return kind == Kind.AMOUNT ? inputAmount : kind == Kind.NUMBER ? inputNumber : inputText;
        }

        CellStyle context(Kind kind) {
            return kind == Kind.AMOUNT ? contextAmount : contextText;
        }

        private static CellStyle style(SXSSFWorkbook workbook, boolean locked, boolean grey, short format, Font font) {
            CellStyle style = workbook.createCellStyle();
            style.setLocked(locked);
            if (grey) {
                style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            }
            if (format >= 0) {
                style.setDataFormat(format);
            }
            if (font != null) {
                style.setFont(font);
            }
            return style;
        }
    }

    /** A text that a spreadsheet would take for a formula gets a leading apostrophe. */
    public static String neutralised(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + text : text;
    }

    private static String csvText(String text) {
        String safe = neutralised(text);
        return safe.contains(";") || safe.contains("\"") || safe.contains("\n") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
