package dk.kk.gevinstspor.common.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.quarkus.qute.TemplateExtension;

/** Formatting for the pages (and the API's Location headers): {@code {ref.urlEncode}} for path segments. */
@TemplateExtension
public class TemplateExtensions {

    /** Percent-encodes a path segment ({@code ØKF-2026-01} → {@code %C3%98KF-2026-01}). */
    public static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
