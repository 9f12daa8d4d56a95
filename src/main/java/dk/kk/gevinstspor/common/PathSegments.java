package dk.kk.gevinstspor.common;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Path segments of the service's own links, for the pages ({@code {ref.urlEncode}}) and the API's Location headers alike. */
public final class PathSegments {

    private PathSegments() {
    }

    /** Percent-encodes a path segment ({@code ØKF-2026-01} → {@code %C3%98KF-2026-01}). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
