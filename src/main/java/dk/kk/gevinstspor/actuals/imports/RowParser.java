package dk.kk.gevinstspor.actuals.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dk.kk.gevinstspor.actuals.ActualsService;
import dk.kk.gevinstspor.common.DanishNumbers;
import dk.kk.gevinstspor.common.Text;
import dk.kk.gevinstspor.common.error.Problem;
import dk.kk.gevinstspor.common.error.ValidationErrors;

/**
 * Turns the header and the cells of an actuals file into typed rows: which column is which, and each cell as a
 * number, a year or a text. What a value means for its proposal is checked later, by the domain.
 */
final class RowParser {

    private static final Pattern INTERNATIONAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern STORED = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d{1,3})?");

    /**
     * A row as read: values, or null where the cell could not be read (its error is in {@code errors}). A blank cell
     * (or a column the file does not have) is absent: {@code amounts} holds only the amounts given, {@code explanation}
     * is null, {@code kpis} and {@code milestones} hold only the codes given (DOMAIN.md Edges 11: a blank cell changes
     * nothing stored). {@code amountsRead}: no amount cell had an error.
     */
    record Parsed(long row, String reference, Integer year, Map<Column, BigDecimal> amounts, boolean amountsRead, String explanation,
            Map<String, BigDecimal> kpis, Map<String, Integer> milestones) {

        /** Whether an amount cell is blank (then the stored value, or 0 for a new row, is the row's). */
        boolean blankAmount() {
            return amounts.size() < Column.AMOUNTS.size();
        }

        /** A row whose every figure cell is blank (a template row left untouched): it changes nothing, not even as a new row. */
        boolean blank() {
            return amounts.isEmpty() && amountsRead && explanation == null && kpis.isEmpty() && milestones.isEmpty();
        }
    }

    private final Map<Column, Integer> columns = new EnumMap<>(Column.class);
    private final Map<String, Integer> kpiColumns = new LinkedHashMap<>();
    private final Map<String, Integer> milestoneColumns = new LinkedHashMap<>();
    private final List<String> headers = new ArrayList<>();

    /** Reads the header; returns its errors (unknown, duplicate or missing columns), empty when usable. */
    List<Problem.Error> header(List<String> cells) {
        List<Problem.Error> errors = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String header = cells.get(i).strip().replace("\uFEFF", "");
            headers.add(header);
            if (header.isEmpty()) {
                continue;
            }
            Optional<String> kpi = Column.kpiCode(header);
            Optional<String> milestone = Column.milestoneCode(header);
            Optional<Column> column = Column.of(header);
            boolean duplicate;
            if (kpi.isPresent()) {
                duplicate = kpiColumns.putIfAbsent(kpi.get(), i) != null;
            } else if (milestone.isPresent()) {
                duplicate = milestoneColumns.putIfAbsent(milestone.get(), i) != null;
            } else if (column.isPresent()) {
                duplicate = column.get() != Column.IGNORED && columns.putIfAbsent(column.get(), i) != null;
            } else {
                errors.add(error(1, header, "UNKNOWN_COLUMN", "Ukendt kolonne: " + header));
                continue;
            }
            if (duplicate) {
                errors.add(error(1, header, "DUPLICATE_COLUMN", "Kolonnen " + header + " står to gange"));
            }
        }
        for (Column c : Column.values()) {
            if (c.required && !columns.containsKey(c)) {
                errors.add(error(1, c.apiName, "MISSING_COLUMN", "Kolonnen " + c.apiName + " mangler"));
            }
        }
        return errors;
    }

    /** Reads a data row; its cell errors are added to {@code errors}. */
    Parsed row(long row, List<String> cells, ActualsFile.NumberStyle style, List<Problem.Error> errors) {
        if (cells.size() > headers.size() && cells.subList(headers.size(), cells.size()).stream().anyMatch(s -> !s.isBlank())) {
            errors.add(error(row, null, "TOO_MANY_CELLS", "Rækken har flere celler end overskriften har kolonner"));
        }
        String reference = acceptable(row, Column.REFERENCE, text(cells, columns.get(Column.REFERENCE)), errors);
        if (reference == null && !hasError(errors, row, Column.REFERENCE)) {
            errors.add(error(row, Column.REFERENCE.apiName, "MISSING_VALUE", "Referencen mangler"));
        }
        Integer year = year(row, cells, errors);
        Map<Column, BigDecimal> amounts = new EnumMap<>(Column.class);
        boolean amountsRead = true;
        for (Column c : Column.AMOUNTS) {
            String cell = text(cells, columns.get(c));
            if (cell == null) {
                continue;
            }
            BigDecimal value = number(cell, style);
            if (value == null) {
                amountsRead = false;
                errors.add(error(row, c.apiName, "NOT_A_NUMBER", "Ikke et beløb: " + abbreviate(cell)));
            } else if (value.abs().compareTo(ValidationErrors.MAX_AMOUNT) > 0) {
                amountsRead = false;
                errors.add(error(row, c.apiName, ValidationErrors.AMOUNT_TOO_LARGE, "Beløbet er for stort: " + abbreviate(cell)));
            } else {
                amounts.put(c, value);
            }
        }
        Map<String, BigDecimal> kpis = new LinkedHashMap<>();
        kpiColumns.forEach((code, index) -> {
            String cell = text(cells, index);
            if (cell != null) {
                BigDecimal value = number(cell, style);
                if (value == null || value.abs().compareTo(new BigDecimal("1e14")) >= 0) {
                    errors.add(error(row, Column.KPI_PREFIX + code, "NOT_A_NUMBER", "Ikke et tal: " + abbreviate(cell)));
                } else {
                    kpis.put(code, value);
                }
            }
        });
        Map<String, Integer> milestones = new LinkedHashMap<>();
        milestoneColumns.forEach((code, index) -> {
            String cell = text(cells, index);
            if (cell != null) {
                Integer achieved = yearOf(cell, style);
                if (achieved == null) {
                    errors.add(error(row, Column.MILESTONE_PREFIX + code, "NOT_A_YEAR", "Ikke et årstal: " + abbreviate(cell)));
                } else {
                    milestones.put(code, achieved);
                }
            }
        });
        String explanation = unneutralised(acceptable(row, Column.EXPLANATION, text(cells, columns.get(Column.EXPLANATION)), errors));
        if (explanation != null && explanation.length() > ActualsService.MAX_EXPLANATION) {
            errors.add(error(row, Column.EXPLANATION.apiName, "TEXT_TOO_LONG", ActualsService.explanationTooLong(explanation)));
        }
        return new Parsed(row, reference, year, amounts, amountsRead, explanation, kpis, milestones);
    }

    /**
     * The text without the apostrophe the template puts before a text a spreadsheet would take for a formula
     * ({@link TemplateWriter#neutralised}), so a stored explanation imports back as it was.
     */
    static String unneutralised(String text) {
        return text != null && text.length() > 1 && text.charAt(0) == '\'' && "=+-@".indexOf(text.charAt(1)) >= 0 ? text.substring(1) : text;
    }

    /** The cell's text, or null with an {@code INVALID_CHARACTER} error when it holds a character {@link Text} refuses. */
    private static String acceptable(long row, Column column, String cell, List<Problem.Error> errors) {
        if (Text.acceptable(cell)) {
            return cell;
        }
        errors.add(error(row, column.apiName, "INVALID_CHARACTER", Text.INVALID_CHARACTER_MESSAGE));
        return null;
    }

    private static boolean hasError(List<Problem.Error> errors, long row, Column column) {
        return errors.stream().anyMatch(e -> e.row() != null && e.row() == row && column.apiName.equals(e.column()));
    }

    private Integer year(long row, List<String> cells, List<Problem.Error> errors) {
        String cell = text(cells, columns.get(Column.YEAR));
        if (cell == null) {
            errors.add(error(row, Column.YEAR.apiName, "MISSING_VALUE", "Året mangler"));
            return null;
        }
        Integer year = yearOf(cell, ActualsFile.NumberStyle.INTERNATIONAL);
        if (year == null) {
            errors.add(error(row, Column.YEAR.apiName, "NOT_A_YEAR", "Ikke et årstal: " + abbreviate(cell)));
        }
        return year;
    }

    private static Integer yearOf(String cell, ActualsFile.NumberStyle style) {
        BigDecimal value = number(cell, style == ActualsFile.NumberStyle.DANISH ? ActualsFile.NumberStyle.INTERNATIONAL : style);
        if (value == null || value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(1900)) < 0
                || value.compareTo(BigDecimal.valueOf(2999)) > 0) {
            return null;
        }
        return value.intValueExact();
    }

    /** A number written in the file's style, or null. */
    static BigDecimal number(String cell, ActualsFile.NumberStyle style) {
        if (plainDigits(cell)) {
            return cell.length() < 18 ? BigDecimal.valueOf(Long.parseLong(cell)) : new BigDecimal(cell);
        }
        String s = cell.replace("\u00A0", "").replace(" ", "").replace('\u2212', '-');
        if (s.length() > 40) {
            return null;
        }
        try {
            return switch (style) {
                case DANISH -> DanishNumbers.parse(s);
                case INTERNATIONAL -> INTERNATIONAL.matcher(s).matches() ? new BigDecimal(s) : null;
                case SPREADSHEET -> STORED.matcher(s).matches() ? new BigDecimal(s) : DanishNumbers.parse(s);
            };
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** The common case, read without a regular expression: digits only (at most 40). */
    private static boolean plainDigits(String cell) {
        int n = cell.length();
        if (n == 0 || n > 40) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = cell.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether the file has KPI or milestone columns (without them, stored KPIs and milestones stay as they are). */
    boolean hasKpis() {
        return !kpiColumns.isEmpty();
    }

    boolean hasMilestones() {
        return !milestoneColumns.isEmpty();
    }

    private static String text(List<String> cells, Integer index) {
        if (index == null || index >= cells.size()) {
            return null;
        }
        String value = cells.get(index).strip();
        return value.isEmpty() ? null : value;
    }

    static Problem.Error error(long row, String column, String code, String message) {
        return new Problem.Error(null, (int) Math.min(row, Integer.MAX_VALUE), column, code, message);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
