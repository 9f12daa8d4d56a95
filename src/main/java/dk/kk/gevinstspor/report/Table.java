package dk.kk.gevinstspor.report;

import java.util.List;

/**
 * A report as rows and columns, the one shape the page, the CSV and the XLSX files are written from: sections (one
 * sheet each in XLSX), each with its rows and a totals row. Cells are {@code String}, {@code BigDecimal},
 * {@code Integer}, {@code Boolean} or null. {@code unit} says what the amounts are in ("1.000 kr., 2027-P/L"), for the
 * files' unit row.
 */
public record Table(String title, List<Column> columns, List<Section> sections, String unit) {

    public Table(String title, List<Column> columns, List<Section> sections) {
        this(title, columns, sections, "1.000 kr.");
    }

    /** How a column's cells are shown. */
    public enum Kind {
        TEXT, AMOUNT, RATIO, NUMBER, YES_NO
    }

    /**
     * One column. {@code heading} is the files' heading, the whole name ("Puljemidler plan 2026"); on the page a
     * column of a {@code group} ("Regnskabsår 2026") shows {@code label} ("Puljemidler plan") under the group's heading.
     * A {@code detail} column is one the page may hide (it is always printed and exported).
     */
    public record Column(String heading, Kind kind, String group, String label, boolean detail) {

        public Column(String heading, Kind kind) {
            this(heading, kind, null, heading, false);
        }

        /** The same column, marked as a detail the page may hide. */
        public Column asDetail() {
            return new Column(heading, kind, group, label, true);
        }
    }

    public record Section(String name, List<List<Object>> rows, List<Object> totals) {
    }
}
