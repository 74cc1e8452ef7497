package dev.userkit.store.jdbc;

import java.util.Map;

/**
 * A validated "top-level metadata field equals scalar" filter (A5), with the JSON texts a dialect binds.
 *
 * @param field the field name, already checked against {@link dev.userkit.domain.JsonValues#FIELD_NAME}
 * @param value a String, Long, Double or Boolean
 */
public record MetadataFilter(String field, Object value) {
    /**
     * The value as JSON text, e.g. {@code "x"}, {@code 5}, {@code true}.
     *
     * @return the JSON text
     */
    public String valueJson() {
        return JsonCodec.write(value);
    }

    /**
     * A JSON object holding only this field and value, for containment tests.
     *
     * @return the JSON object text
     */
    public String objectJson() {
        return JsonCodec.write(Map.of(field, value));
    }

    /**
     * A JSON path to the field, quoted so that '-' in names is safe: {@code $."field"}.
     *
     * @return the path
     */
    public String jsonPath() {
        return "$.\"" + field + "\"";
    }
}
