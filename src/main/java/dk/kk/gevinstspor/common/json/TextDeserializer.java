package dk.kk.gevinstspor.common.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import dk.kk.gevinstspor.common.Text;

/** Every JSON string the API reads: refused when {@link Text} says it cannot be stored as sent. */
public final class TextDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
        String value = super.deserialize(p, context);
        if (!Text.acceptable(value)) {
            throw new InvalidText(p, value);
        }
        return value;
    }

    /** A JSON string with a character that cannot be stored ({@code INVALID_CHARACTER}). */
    public static final class InvalidText extends InvalidFormatException {
        InvalidText(JsonParser p, String value) {
            super(p, "The text contains a character that cannot be stored (NUL, a control character or an unpaired surrogate)",
                    value, String.class);
        }
    }
}
