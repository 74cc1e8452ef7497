package dev.userkit.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathPatternTest {

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource({
            "/api/*, /api/a, true",
            "/api/*, /api/a/b, false",
            "/api/*, /api, false",
            "/api/**, /api, true",
            "/api/**, /api/a/b/c, true",
            "/api/**, /apix, false",
            "/**, /, true",
            "/**, /a/b, true",
            "/, /, true",
            "/, /a, false",
            "/a/**/z, /a/z, true",
            "/a/**/z, /a/b/c/z, true",
            "/a/**/z, /a/b/c/z/y, false",
            "/a/**/b/**/c, /a/x/b/y/b/z/c, true",
            "/a/**/b/**/c, /a/x/c, false",
            "/img/*.png, /img/cat.png, true",
            "/img/*.png, /img/.png, true",
            "/img/*.png, /img/cat.png.gif, false",
            "/img/*a*b, /img/xaybab, true",
            "/img/*a*b, /img/xaybx, false",
            "/users/*/posts, /users/42/posts, true",
            "/users/*/posts, /users/42/43/posts, false",
            "/exact, /exact, true",
            "/exact, /Exact, false",
    })
    void matches(String pattern, String path, boolean expected) {
        assertThat(PathPattern.isValid(pattern)).isTrue();
        assertThat(PathPattern.matches(pattern, path)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "api", "/api//x", "/api/", "/a/../b", "/a/./b", "/a**", "/**b", "/a b", "/a%2Fb", "/a\\b",
            "/a;b", "/a?b", "/a#b", "/a\tb"})
    void invalidPatterns(String pattern) {
        assertThat(PathPattern.isValid(pattern)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "//a", "/a//b", "/a/", "/a/..", "/../a", "/a/./b", "/a%2fb", "/a%2Fb", "/a%5cb", "/a%5Cb",
            "/a%2e%2e/b", "/a\\b", "/a;jsessionid=1", "/a?x=1", "/a#f", "/a b", "/a\nb"})
    void nonCanonicalPaths(String path) {
        assertThat(PathPattern.isCanonicalPath(path)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/a", "/a/b.json", "/users/42/posts", "/a-b_c~d/e:f@g"})
    void canonicalPaths(String path) {
        assertThat(PathPattern.isCanonicalPath(path)).isTrue();
    }

    @org.junit.jupiter.api.Test
    void nullIsNeitherValidNorCanonical() {
        assertThat(PathPattern.isValid(null)).isFalse();
        assertThat(PathPattern.isCanonicalPath(null)).isFalse();
    }
}
