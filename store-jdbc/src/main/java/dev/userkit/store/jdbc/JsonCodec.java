package dev.userkit.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userkit.StoreException;
import dev.userkit.domain.JsonValues;
import java.util.List;
import java.util.Map;

/** JSON text for metadata, session data and permissions; read-back goes through {@link JsonValues} so every store returns the same types. */
final class JsonCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {};

    private JsonCodec() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("Cannot write JSON", e);
        }
    }

    static Map<String, Object> readObject(String text) {
        if (text == null) return Map.of();
        try {
            return JsonValues.object(MAPPER.readValue(text, OBJECT));
        } catch (JsonProcessingException e) {
            throw new StoreException("Stored JSON is unreadable", e);
        }
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
