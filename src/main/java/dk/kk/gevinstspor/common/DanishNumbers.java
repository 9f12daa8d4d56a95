package dk.kk.gevinstspor.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

/** Amounts the Danish way: {@code 1.234.567,50} read and written (the pages and the CSV files). */
public final class DanishNumbers {

    private static final Pattern DANISH = Pattern.compile("-?(\\d{1,3}(\\.\\d{3})+|\\d+)(,\\d+)?");
    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("da-DK"));

    private DanishNumbers() {
    }

    /** {@code 1.234.567,50}, {@code 1234567,5}, {@code -12}: the number, or null when it is not written so. */
    public static BigDecimal parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip().replace("\u00A0", "").replace(" ", "").replace('\u2212', '-');
        if (s.isEmpty() || s.length() > 40 || !DANISH.matcher(s).matches()) {
            return null;
        }
        return new BigDecimal(s.replace(".", "").replace(',', '.'));
    }

    /**
     * An amount in kroner as the pages show it back: whole kroner without decimals ({@code 1.250.000}), an amount
     * with øre always with two ({@code 1250000.5} → {@code 1.250.000,50}), so that what was typed is what is shown.
     */
    public static String kroner(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal plain = Numbers.plain(value);
        return write(plain.scale() == 1 ? plain.setScale(2) : plain);
    }

    /** {@code 1234567.5} → {@code 1.234.567,5}; whole numbers without decimals (figures other than kroner). */
    public static String format(BigDecimal value) {
        if (value == null) {
            return "";
        }
        return write(Numbers.plain(value));
    }

    /** The number with exactly its own decimals (its scale), thousands separated by dots. */
    private static String write(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0", SYMBOLS);
        format.setMinimumFractionDigits(Math.max(0, value.scale()));
        format.setMaximumFractionDigits(Math.max(0, value.scale()));
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format.format(value);
    }
}
