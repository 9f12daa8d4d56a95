package dk.kk.gevinstspor.common.error;

import java.util.Arrays;
import java.util.List;

/** Reading query parameters strictly: a wrong value is a 400 that names the parameter, never a 404 or a default. */
public final class Requests {

    private Requests() {
    }

    public static <E extends Enum<E>> E enumParam(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw badParam(name, value, "one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static Boolean booleanParam(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw badParam(name, value, "true or false");
        };
    }

    public static int intParam(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        long parsed = asciiDigits(value);
        if (parsed >= min && parsed <= max) {
            return (int) parsed;
        }
        throw badParam(name, value, "a whole number from " + min + " to " + max);
    }

    /**
     * A number written in ASCII digits only, the one rule for numbers in paths and query parameters (years, pages):
     * no sign, no spaces, no other digits ({@code +2025}, {@code ２０２５} and {@code ٢٠٢٥} are no years, though
     * {@link Integer#parseInt} reads them). -1 for anything else or more than 10 digits.
     */
    public static long asciiDigits(String value) {
        if (value == null || value.isEmpty() || value.length() > 10) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** A body that is required but absent. */
    public static ApiException missingBody() {
        return new ApiException(new Problem("about:blank", "Bad Request", 400, "The request has no body.",
                List.of(new Problem.Error(null, null, null, "MISSING_BODY", "Forespørgslen mangler indhold"))));
    }

    public static ApiException badParameter(String name, String value, String expected) {
        return badParam(name, value, expected);
    }

    private static ApiException badParam(String name, String value, String expected) {
        String shown = value.length() > 50 ? value.substring(0, 50) + "…" : value;
        return new ApiException(new Problem("about:blank", "Bad Request", 400,
                "Query parameter " + name + " must be " + expected + ", not '" + shown + "'.",
                List.of(new Problem.Error(name, null, null, "INVALID_PARAMETER", "Ugyldig værdi: " + shown))));
    }
}
