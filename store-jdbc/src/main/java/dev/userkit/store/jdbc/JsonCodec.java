package dev.userkit.store.jdbc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.userkit.StoreException;
import dev.userkit.domain.JsonValues;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** JSON text for metadata, session data and permissions; read-back goes through {@link JsonValues} so every store returns the same types. */
final class JsonCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(Double.class, new DoubleSerializer()));
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {};

    private JsonCodec() {}

    /**
     * Writes a whole-number double with a fractional part ({@code 1.0E20} as {@code 100000000000000000000.0}):
     * PostgreSQL's jsonb keeps numbers as numeric and would print {@code 1.0E20} as an integer,
     * which would come back as a long.
     */
    private static final class DoubleSerializer extends StdSerializer<Double> {
        DoubleSerializer() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            double d = value;
            if (!Double.isInfinite(d) && d == Math.rint(d)) gen.writeNumber(new BigDecimal(d).toPlainString() + ".0");
            else gen.writeNumber(d);
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("Cannot write JSON", e);
        }
    }

    static Map<String, Object> readObject(String text) {
        // what write(Map.of()) stores and most sessions and users hold: no parser for it
        if (text == null || isEmptyObject(text)) return Map.of();
        try {
            return JsonValues.object(MAPPER.readValue(text, OBJECT));
        } catch (JsonProcessingException e) {
            throw new StoreException("Stored JSON is unreadable", e);
        }
    }

    /** {@code {}}, with JSON whitespace around or inside it as a database may print it. */
    static boolean isEmptyObject(String text) {
        int i = skipWhitespace(text, 0);
        if (i == text.length() || text.charAt(i) != '{') return false;
        i = skipWhitespace(text, i + 1);
        if (i == text.length() || text.charAt(i) != '}') return false;
        return skipWhitespace(text, i + 1) == text.length();
    }

    private static int skipWhitespace(String text, int from) {
        int i = from;
        while (i < text.length() && isJsonWhitespace(text.charAt(i))) i++;
        return i;
    }

    private static boolean isJsonWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    static List<Map<String, Object>> readList(String text) {
        if (text == null) return List.of();
        try {
            return MAPPER.readValue(text, LIST);
        } catch (JsonProcessingException e) {
            throw new StoreException("Stored JSON is unreadable", e);
        }
    }
}
