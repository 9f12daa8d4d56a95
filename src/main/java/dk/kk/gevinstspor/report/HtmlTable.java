package dk.kk.gevinstspor.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dk.kk.gevinstspor.common.web.TemplateExtensions;

/**
 * A report {@link Table} as the report page shows it: amounts in 1.000 kr., ratios in percent, yes/no in Danish,
 * the reference of each row linked to its proposal page. Each amount, ratio and count cell keeps its exact figure
 * ({@code data-value}) so that what is printed can be checked against the JSON report and the page's script sorts by
 * it. Columns of a group ("Regnskabsår 2026") get a two-row heading; detail columns are marked so the page may hide them.
 */
public record HtmlTable(List<HeaderCell> groupRow, List<Heading> headings, List<ColumnGroup> columnGroups, List<Section> sections,
        List<Cell> totals) {

    /**
     * A column's heading on the page: {@code text} the label shown, {@code heading} the files' whole heading (the
     * column's name in the CSV and XLSX, {@code data-heading}), {@code grouped} when it stands under a group heading.
     */
    public record Heading(int index, String text, String heading, boolean numeric, boolean detail, boolean grouped) {
    }

    /** A cell of the heading's first row: a group over {@code span} columns, or an ungrouped column over both rows. */
    public record HeaderCell(String text, int span, boolean group, Heading column) {
    }

    /** A {@code <colgroup>}: a group's columns, or one ungrouped column. */
    public record ColumnGroup(int span, boolean group, boolean detail) {
    }

    public record Section(String name, List<List<Cell>> rows, List<Cell> totals) {
    }

    /** One cell: the text shown, the exact figure (or null), a link (or null), right-aligned when numeric. */
    public record Cell(String text, String value, String link, boolean numeric, boolean detail) {
    }

    /**
     * @param grandTotals a totals row over all sections, aligned with the columns, or null
     * @param linkFirstColumn true when the first column holds proposal references
     */
    public static HtmlTable of(Table table, List<Object> grandTotals, boolean linkFirstColumn) {
        List<Heading> headings = new ArrayList<>();
        List<HeaderCell> groupRow = new ArrayList<>();
        List<ColumnGroup> columnGroups = new ArrayList<>();
        boolean anyGroup = table.columns().stream().anyMatch(c -> c.group() != null);
        for (int i = 0; i < table.columns().size(); i++) {
            Table.Column c = table.columns().get(i);
            Heading heading = new Heading(i, c.label(), c.heading(), numeric(c.kind()), c.detail(), c.group() != null);
            headings.add(heading);
            boolean continues = c.group() != null && i > 0 && Objects.equals(table.columns().get(i - 1).group(), c.group());
            if (continues) {
                HeaderCell last = groupRow.remove(groupRow.size() - 1);
                groupRow.add(new HeaderCell(last.text(), last.span() + 1, true, null));
                columnGroups.set(columnGroups.size() - 1, new ColumnGroup(last.span() + 1, true, false));
            } else {
                groupRow.add(c.group() != null ? new HeaderCell(c.group(), 1, true, null) : new HeaderCell(c.label(), 1, false, heading));
                columnGroups.add(new ColumnGroup(1, c.group() != null, c.detail()));
            }
        }
        List<Section> sections = new ArrayList<>();
        for (Table.Section s : table.sections()) {
            sections.add(new Section(s.name(), s.rows().stream().map(r -> cells(table, r, linkFirstColumn)).toList(),
                    s.totals() == null ? null : cells(table, s.totals(), false)));
        }
        return new HtmlTable(anyGroup ? groupRow : null, headings, columnGroups, sections,
                grandTotals == null ? null : cells(table, grandTotals, false));
    }

    /** True when a column is a detail: the page offers "Vis detaljer". */
    public boolean hasDetails() {
        return headings.stream().anyMatch(Heading::detail);
    }

    /**
     * The first column and the detail columns as a table of their own, for print: the page prints its main columns on
     * A4 landscape and the details under them, so that every column of the files is printed at a readable size.
     */
    public HtmlTable details() {
        List<Integer> kept = new ArrayList<>(List.of(0));
        headings.stream().filter(Heading::detail).forEach(h -> kept.add(h.index()));
        List<Heading> shown = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            Heading h = headings.get(kept.get(i));
            shown.add(new Heading(i, h.text(), h.heading(), h.numeric(), false, false));
        }
        List<Section> parts = sections.stream().map(s -> new Section(s.name(), s.rows().stream().map(r -> pick(r, kept)).toList(),
                s.totals() == null ? null : pick(s.totals(), kept))).toList();
        return new HtmlTable(null, shown, shown.stream().map(h -> new ColumnGroup(1, false, false)).toList(), parts,
                totals == null ? null : pick(totals, kept));
    }

    private static List<Cell> pick(List<Cell> row, List<Integer> kept) {
        return kept.stream().map(row::get).map(c -> new Cell(c.text(), c.value(), c.link(), c.numeric(), false)).toList();
    }

    /** How many detail columns there are. */
    public long detailCount() {
        return headings.stream().filter(Heading::detail).count();
    }

    /** The headings under the groups (the heading's second row). */
    public List<Heading> groupedHeadings() {
        return headings.stream().filter(Heading::grouped).toList();
    }

    private static List<Cell> cells(Table table, List<Object> row, boolean link) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            Table.Column column = table.columns().get(i);
            Object value = row.get(i);
            String href = link && i == 0 && value != null ? "/forslag/" + TemplateExtensions.urlEncode(value.toString()) : null;
            String exact = value instanceof BigDecimal d ? d.toPlainString() : value instanceof Integer n ? n.toString() : null;
            cells.add(new Cell(text(column.kind(), value), exact, href, numeric(column.kind()), column.detail()));
        }
        return cells;
    }

    /** A cell's text as the page and the CSV show it: amounts in 1.000 kr., ratios in %, Ja/Nej. */
    static String text(Table.Kind kind, Object value) {
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
