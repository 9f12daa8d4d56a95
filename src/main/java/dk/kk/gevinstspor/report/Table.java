package dk.kk.gevinstspor.report;

import java.util.List;

/**
 * A report as rows and columns, the one shape the CSV and XLSX files are written from: sections (one sheet each
 * in XLSX), each with its rows and a totals row. Cells are {@code String}, {@code BigDecimal}, {@code Integer},
 * {@code Boolean} or null.
 */
public record Table(String title, List<Column> columns, List<Section> sections) {

    /** How a column's cells are shown. */
    public enum Kind {
        TEXT, AMOUNT, RATIO, NUMBER, YES_NO
    }

    public record Column(String heading, Kind kind) {
    }

    public record Section(String name, List<List<Object>> rows, List<Object> totals) {
    }
}
