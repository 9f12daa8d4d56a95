package dk.kk.gevinstspor.actuals.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import dk.kk.gevinstspor.common.Numbers;
import dk.kk.gevinstspor.domain.FollowUpTarget;
import dk.kk.gevinstspor.domain.PlanYear;
import dk.kk.gevinstspor.domain.Proposal;

/**
 * The file staff fill in: one row per proposal for the year with its reference, title and plan figures, and
 * empty columns for the actuals (API.md's names, plus kpi:/milestone: columns for the targets the proposals
 * have). Importing it back reads the actual columns and ignores the informative ones. Text cells that begin
 * with =, +, - or @ are neutralised so that no spreadsheet runs them as formulas.
 */
public final class TemplateWriter {

    private TemplateWriter() {
    }

    private static final List<String> PLAN = List.of("plan:investment", "plan:operationFunding", "plan:operatingCost",
            "plan:serviceEfficiency", "plan:transferEffect");
    private static final List<String> ACTUAL = List.of("investment", "operationFunding", "operatingCost", "serviceEfficiency",
            "transferEffect", "repayment", "explanation");

    static List<String> header(List<Proposal> proposals) {
        List<String> header = new ArrayList<>(List.of("reference", "title", "year"));
        header.addAll(PLAN);
        header.addAll(ACTUAL);
        TreeSet<String> kpis = new TreeSet<>();
        TreeSet<String> milestones = new TreeSet<>();
        for (Proposal p : proposals) {
            for (FollowUpTarget t : p.targets()) {
                if (t instanceof FollowUpTarget.Kpi) {
                    kpis.add(t.code());
                } else if (t instanceof FollowUpTarget.Milestone) {
                    milestones.add(t.code());
                }
            }
        }
        kpis.forEach(k -> header.add(Column.KPI_PREFIX + k));
        milestones.forEach(m -> header.add(Column.MILESTONE_PREFIX + m));
        return header;
    }

    private static List<BigDecimal> plan(Proposal p, int year) {
        PlanYear y = p.plan().forYear(year);
        return List.of(y.investment().value(), y.operationFunding().value(), y.operatingCost().value(),
                y.serviceEfficiency().value(), y.transferEffect().value());
    }

    /** CSV as Danish Excel reads it: UTF-8 with BOM, {@code ;}, decimal comma. */
    public static void csv(List<Proposal> proposals, int year, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        List<String> header = header(proposals);
        w.write(String.join(";", header));
        w.write("\r\n");
        for (Proposal p : proposals) {
            List<String> cells = new ArrayList<>(List.of(csvText(p.reference()), csvText(p.title()), Integer.toString(year)));
            plan(p, year).forEach(v -> cells.add(Numbers.plainString(v).replace('.', ',')));
            while (cells.size() < header.size()) {
                cells.add("");
            }
            w.write(String.join(";", cells));
            w.write("\r\n");
        }
        w.flush();
    }

    /** XLSX with a frozen, bold header row and plan figures as numbers. */
    public static void xlsx(List<Proposal> proposals, int year, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("Indberetning " + year);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle amount = workbook.createCellStyle();
            amount.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            List<String> header = header(proposals);
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                head.createCell(i).setCellValue(header.get(i));
                head.getCell(i).setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (Proposal p : proposals) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(neutralised(p.reference()));
                row.createCell(1).setCellValue(neutralised(p.title()));
                row.createCell(2).setCellValue(year);
                int c = 3;
                for (BigDecimal v : plan(p, year)) {
                    row.createCell(c).setCellValue(v.doubleValue());
                    row.getCell(c++).setCellStyle(amount);
                }
            }
            workbook.write(out);
            workbook.dispose();
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
