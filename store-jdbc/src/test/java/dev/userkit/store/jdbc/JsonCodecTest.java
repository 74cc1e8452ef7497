package dev.userkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.StoreException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The read-back of stored JSON objects: the empty object without the parser, the same answer as with it. */
class JsonCodecTest {
    @Test
    @DisplayName("the empty object, as write(Map.of()) stores it and with whitespace as a database may print it, reads as an empty unmodifiable map")
    void emptyObjectReadsEmpty() {
        assertThat(JsonCodec.write(Map.of())).isEqualTo("{}");
        for (String text : List.of("{}", " { } ", "\n{\t}\r\n", "{ }")) {
            Map<String, Object> read = JsonCodec.readObject(text);
            assertThat(read).as(text).isEmpty();
            assertThatThrownBy(() -> read.put("k", 1)).isInstanceOf(UnsupportedOperationException.class);
        }
        assertThat(JsonCodec.readObject(null)).isEmpty();
    }

    @Test
    @DisplayName("a non-empty object reads back equal to what was written, in its order, unmodifiable")
    void nonEmptyObjectReadsBackEqual() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("b", List.of(1L, "two", true));
        nested.put("a", Map.of());
        Map<String, Object> written = new LinkedHashMap<>();
        written.put("theme", "dark");
        written.put("count", 3L);
        written.put("ratio", 1.5);
        written.put("nested", nested);
        written.put("none", null);

        Map<String, Object> read = JsonCodec.readObject(JsonCodec.write(written));

        assertThat(read).isEqualTo(written);
        assertThat(read.keySet()).containsExactly("theme", "count", "ratio", "nested", "none");
        assertThatThrownBy(() -> read.put("k", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("text that only looks empty is parsed, and refused when it is not JSON")
    void almostEmptyTextIsParsed() {
        assertThat(JsonCodec.readObject("{\"a\":{}}")).isEqualTo(Map.of("a", Map.of()));
        for (String text : List.of("{", "}", "{]", "", " ")) {
            assertThatThrownBy(() -> JsonCodec.readObject(text)).as(text).isInstanceOf(StoreException.class);
        }
    }
}
