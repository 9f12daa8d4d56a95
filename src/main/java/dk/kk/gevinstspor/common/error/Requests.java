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
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw badParam(name, value, "a whole number from " + min + " to " + max);
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
