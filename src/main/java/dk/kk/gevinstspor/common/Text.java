package dk.kk.gevinstspor.common;

/**
 * Text the service accepts from outside (JSON strings, file cells, paths and query parameters): no NUL, which
 * PostgreSQL cannot store, no other control character but tab, line feed and carriage return, no byte-order mark
 * (invisible, it makes "BUF-2026-01" another reference), and no unpaired UTF-16 surrogate, which would be stored as
 * "?". Such text is refused with a clear error, never stored changed.
 */
public final class Text {

    /** Danish message for a text with such a character. */
    public static final String INVALID_CHARACTER_MESSAGE = "Teksten indeholder et tegn, der ikke kan gemmes (fx et nul- eller styretegn)";

    private Text() {
    }

    /** Whether every character may be stored; {@code null} is acceptable (absent). */
    public static boolean acceptable(String text) {
        return text == null || invalidCharacterAt(text) < 0;
    }

    /** The index of the first character that may not be stored, or -1. */
    public static int invalidCharacterAt(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F || c == '\uFEFF') {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
