package dk.kk.gevinstspor.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;

/**
 * Caps the keys of maps in one JSON body at {@value #MAX_KEYS}. Records refuse an unknown field at once, so maps
 * (e.g. an actual's {@code kpis} and {@code milestones}, at most 50 each) are where a body could bring any number of
 * keys; the body is refused when the 1,001st is read, before the rest becomes objects ({@code ProblemMapper}: 413
 * {@code TOO_MANY_KEYS}).
 */
public final class KeyLimit extends KeyDeserializer {

    public static final int MAX_KEYS = 1_000;
    /** The count of this body's keys, kept as a per-call attribute of Jackson's context. */
    private static final Object COUNT = KeyLimit.class;

    /** More keys than {@link #MAX_KEYS} in one body. */
    public static final class TooManyKeys extends JsonMappingException {
        TooManyKeys(JsonParser parser) {
            super(parser, "More than " + MAX_KEYS + " keys in maps of one body");
        }
    }

    @Override
    public Object deserializeKey(String key, DeserializationContext context) throws TooManyKeys {
        int[] count = (int[]) context.getAttribute(COUNT);
        if (count == null) {
            count = new int[1];
            context.setAttribute(COUNT, count);
        }
        if (++count[0] > MAX_KEYS) {
            throw new TooManyKeys(context.getParser());
        }
        return key;
    }
}
