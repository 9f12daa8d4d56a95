package dk.kk.gevinstspor.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dk.kk.gevinstspor.common.web.TemplateExtensions;

/**
 * A report {@link Table} as the report page shows it: amounts in 1.000 kr., ratios in percent, yes/no in Danish,
 * the reference of each row linked to its proposal page. Each amount and ratio cell keeps its exact figure
 * ({@code data-value}) so that what is printed can be checked against the JSON report.
 */
public record HtmlTable(List<Heading> headings, List<Section> sections, List<Cell> totals) {

    public record Heading(String text, boolean numeric) {
    }

    public record Section(String name, List<List<Cell>> rows, List<Cell> totals) {
    }

    /** One cell: the text shown, the exact figure (or null), a link (or null), right-aligned when numeric. */
    public record Cell(String text, String value, String link, boolean numeric) {
    }

    /**
     * @param grandTotals a totals row over all sections, aligned with the columns, or null
     * @param linkFirstColumn true when the first column holds proposal references
     */
    public static HtmlTable of(Table table, List<Object> grandTotals, boolean linkFirstColumn) {
        List<Heading> headings = table.columns().stream().map(c -> new Heading(c.heading(), numeric(c.kind()))).toList();
        List<Section> sections = new ArrayList<>();
        for (Table.Section s : table.sections()) {
            sections.add(new Section(s.name(), s.rows().stream().map(r -> cells(table, r, linkFirstColumn)).toList(),
                    s.totals() == null ? null : cells(table, s.totals(), false)));
        }
        return new HtmlTable(headings, sections, grandTotals == null ? null : cells(table, grandTotals, false));
    }

    private static List<Cell> cells(Table table, List<Object> row, boolean link) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            Table.Kind kind = table.columns().get(i).kind();
            Object value = row.get(i);
            String href = link && i == 0 && value != null ? "/forslag/" + TemplateExtensions.urlEncode(value.toString()) : null;
            cells.add(new Cell(text(kind, value), value instanceof BigDecimal d ? d.toPlainString() : null, href, numeric(kind)));
        }
        return cells;
    }

    private static String text(Table.Kind kind, Object value) {
        if (value == null) {
            return "";
        }
        return switch (kind) {
            case AMOUNT -> TemplateExtensions.thousands((BigDecimal) value);
            case RATIO -> TemplateExtensions.percent((BigDecimal) value);
            case YES_NO -> Boolean.TRUE.equals(value) ? "Ja" : "Nej";
            case NUMBER, TEXT -> value.toString();
        };
    }

    private static boolean numeric(Table.Kind kind) {
        return kind == Table.Kind.AMOUNT || kind == Table.Kind.RATIO || kind == Table.Kind.NUMBER;
    }
}
