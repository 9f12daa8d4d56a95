package dk.kk.gevinstspor.common.web;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dk.kk.gevinstspor.common.DanishNumbers;
import io.quarkus.qute.TemplateExtension;

/** Formatting for the pages: {@code {ref.urlEncode}} for path segments, {@code {amount.danish}} for amounts. */
@TemplateExtension
public class TemplateExtensions {

    /** Percent-encodes a path segment ({@code ØKF-2026-01} → {@code %C3%98KF-2026-01}). */
    static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code 1234567.5} → {@code 1.234.567,5}. */
    static String danish(BigDecimal value) {
        return DanishNumbers.format(value);
    }
}
