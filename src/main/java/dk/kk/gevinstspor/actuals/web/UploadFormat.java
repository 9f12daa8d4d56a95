package dk.kk.gevinstspor.actuals.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import dk.kk.gevinstspor.actuals.imports.Column;
import dk.kk.gevinstspor.actuals.imports.ImportResult;
import dk.kk.gevinstspor.common.DanishNumbers;
import io.quarkus.qute.TemplateExtension;

/**
 * How the upload page shows an import's changes: {@code {change.label}} the field's Danish label (the template's
 * heading), {@code {change.oldText}} and {@code {change.newText}} its values the Danish way (amounts in kroner with
 * øre, {@code 1.250.000,50}; a missing value as a dash).
 */
@TemplateExtension
public final class UploadFormat {

    private static final DecimalFormatSymbols DANISH = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("da-DK"));

    private UploadFormat() {
    }

    public static String label(ImportResult.Change change) {
        return Column.label(change.field());
    }

    public static String oldText(ImportResult.Change change) {
        return text(change.field(), change.old());
    }

    public static String newText(ImportResult.Change change) {
        return text(change.field(), change.newValue());
    }

    static String text(String field, Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof BigDecimal number) {
            return field.startsWith(Column.KPI_PREFIX) ? DanishNumbers.format(number) : kroner(number);
        }
        return value.toString();
    }

    /** Kroner with øre, {@code 1250000.5} → {@code 1.250.000,50}. */
    static String kroner(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DANISH);
        return format.format(amount);
    }
}
