package dk.kk.gevinstspor.common.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import dk.kk.gevinstspor.common.DanishNumbers;
import dk.kk.gevinstspor.common.PathSegments;
import io.quarkus.qute.TemplateExtension;

/**
 * Formatting for the pages: {@code {ref.urlEncode}} for path segments ({@link PathSegments}),
 * {@code {amount.thousands}} for amounts in 1.000 kr., {@code {ratio.percent}}, and {@code {x.danish}} for numbers, dates and moments.
 */
@TemplateExtension
public class TemplateExtensions {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** Percent-encodes a path segment ({@code ØKF-2026-01} → {@code %C3%98KF-2026-01}). */
    public static String urlEncode(String value) {
        return PathSegments.encode(value);
    }

    /** Kroner shown in 1.000 kr., rounded half up to whole thousands: {@code 1234567.5} → {@code 1.235}; null → empty. */
    public static String thousands(BigDecimal kroner) {
        return kroner == null ? "" : DanishNumbers.format(kroner.divide(THOUSAND, 0, RoundingMode.HALF_UP));
    }

    /** A ratio (1 = 100 %) as a whole percent: {@code 0.875} → {@code 88 %}; null → empty. */
    public static String percent(BigDecimal ratio) {
        return ratio == null ? "" : DanishNumbers.format(ratio.multiply(HUNDRED).setScale(0, RoundingMode.HALF_UP)) + " %";
    }

    /** A moment in Copenhagen time, {@code 27.11.2026 13:05}. */
    public static String danish(Instant moment) {
        return moment == null ? "" : TIME.format(moment.atZone(COPENHAGEN));
    }

    /** A date the Danish way, {@code 12.05.2026}. */
    public static String danish(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** A number the Danish way ({@code 1234.5} → {@code 1.234,5}); null → empty. */
    public static String danish(BigDecimal value) {
        return DanishNumbers.format(value);
    }
}
