package dev.userkit.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/|/",
            "/a|/a",
            "/a/b.json|/a/b.json",
            "/users/42/posts|/users/42/posts",
            "/a-b_c~d/e:f@g|/a-b_c~d/e:f@g",
            "/files/caf%C3%A9|/files/café",
            "/files/caf%c3%a9|/files/café",
            "/files/café|/files/café",
            "/files/my%20doc|/files/my doc",
            "/api/orders/|/api/orders",
            "/search?q=x|/search",
            "/search?q=/../admin//x|/search",
            "/a%41b|/aAb",
            "/emoji/%F0%9F%98%80|/emoji/\ud83d\ude00",
            "/q%22%3C%3E|/q\"<>"})
    void canonicalForms(String raw, String canonical) {
        assertThat(RequestPath.canonical(raw)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "//", "//a", "/a//b", "/a//", "/a/..", "/../a", "/a/./b", "/a/.", "/a%2fb", "/a%2Fb",
            "/a%5cb", "/a%5Cb", "/a%2e%2e/b", "/a%2Eb", "/%2e%2e/admin", "/a/%2E", "/a%2e%2E", "/a\\b", "/a;jsessionid=1",
            "/a;jsessionid=1/b", "/a%3bjsessionid=1", "/a%3Fx", "/a%23f", "/a#f", "/a b", "/a\nb", "/a\u0000b", "/a%00b",
            "/a%0d%0ab", "/a%252e%252e/b", "/a%25", "/a%", "/a%4", "/a%ZZ", "/a%C3", "/a%C3%28", "/a%ED%A0%80",
            "/a%E2%80%AEb", "/a\u202eb", "/a%E2%80%8Bb", "/a\u200bb", "/a\ud800", "/a\u2028b", "/a%EF%BF%BF", "/a\u3000b",
            "/a%09b", "/a%7F"})
    void noCanonicalForm(String raw) {
        assertThat(RequestPath.canonical(raw)).as(raw).isNull();
    }

    @Test
    void overLongAndNullHaveNone() {
        assertThat(RequestPath.canonical(null)).isNull();
        assertThat(RequestPath.canonical("/" + "a".repeat(1_024))).isNull();
        assertThat(RequestPath.canonical("/a?" + "q".repeat(1 << 20))).isEqualTo("/a");
    }

    @Test
    void decomposedTextIsNotNormalised() {
        assertThat(RequestPath.canonical("/files/cafe%CC%81")).isEqualTo("/files/cafe\u0301").isNotEqualTo("/files/café");
    }
}
