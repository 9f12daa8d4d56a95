package dk.kk.gevinstspor.actuals;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import dk.kk.gevinstspor.domain.YearlyActual;

/**
 * The fields of a year's actuals that are compared to tell a changed row from an unchanged one: the one definition
 * of "unchanged". The form and the API ({@link ActualsService#put}) compare domain rows field by field with
 * {@link #unchanged}; the bulk import generates its set-based SQL from the same list (its columns of {@code actual},
 * and for KPI values and milestone years their element tables), so a field added here is compared by both.
 * (The import compares KPIs and milestones only when its file has such columns: without them they are left as stored.)
 */
public enum ActualField {
    INVESTMENT("investment", YearlyActual::investment),
    OPERATION_FUNDING("operation_funding", YearlyActual::operationFunding),
    OPERATING_COST("operating_cost", YearlyActual::operatingCost),
    SERVICE_EFFICIENCY("service_efficiency", YearlyActual::serviceEfficiency),
    TRANSFER_EFFECT("transfer_effect", YearlyActual::transferEffect),
    REPAYMENT("repayment", YearlyActual::repayment),
    EXPLANATION("explanation", YearlyActual::explanation),
    /** KPI values by code: table {@code actual_kpi (actual_id, code, value)}. */
    KPIS("kpis", YearlyActual::kpis, "actual_kpi", "value"),
    /** Milestone years by code: table {@code actual_milestone (actual_id, code, achieved_year)}. */
    MILESTONES("milestones", YearlyActual::milestones, "actual_milestone", "achieved_year");

    /** The column of table {@code actual}; for a collection, the name of its field (and of the import's staging column). */
    public final String column;
    /** For a collection: its element table (keyed by {@code actual_id} and {@code code}); null for a column of {@code actual}. */
    public final String table;
    /** For a collection: the value column of its element table. */
    public final String valueColumn;
    private final Function<YearlyActual, Object> value;

    ActualField(String column, Function<YearlyActual, Object> value) {
        this(column, value, null, null);
    }

    ActualField(String column, Function<YearlyActual, Object> value, String table, String valueColumn) {
        this.column = column;
        this.value = value;
        this.table = table;
        this.valueColumn = valueColumn;
    }

    public boolean isCollection() {
        return table != null;
    }

    /** The fields stored in columns of {@code actual} (the amounts and the explanation), in order. */
    public static List<ActualField> columns() {
        return Arrays.stream(values()).filter(f -> !f.isCollection()).toList();
    }

    /**
     * True when the row as stored and the row as wanted are equal in every compared field (amounts are exact to
     * the øre, so {@code 100} and {@code 100.00} are equal, as they are for the database's {@code numeric}).
     */
    public static boolean unchanged(YearlyActual stored, YearlyActual wanted) {
        for (ActualField f : values()) {
            if (!Objects.equals(f.value.apply(stored), f.value.apply(wanted))) {
                return false;
            }
        }
        return true;
    }
}
