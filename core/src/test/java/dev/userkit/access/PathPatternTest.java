package dev.userkit.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
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
        assertThat(PathPattern.problem(pattern)).isNull();
        assertThat(PathPattern.grants(pattern, PathPattern.segments(path))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "api", "/api//x", "/api/", "/a/../b", "/a/./b", "/a**", "/**b", "/a b", "/a%2Fb", "/a\\b",
            "/a;b", "/a?b", "/a#b", "/a\tb"})
    void invalidPatterns(String pattern) {
        assertThat(PathPattern.problem(pattern)).isNotNull();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/{id}| a variable segment such as {id} is written '*'",
            "api| must start with '/'",
            "/api//x| empty segment",
            "/a/../b| '.' or '..' segment",
            "/a**| '**' must be a whole segment",
            "/a%2Fb| may not hold '%'",
            "/a b| a control, space or format character"})
    void invalidPatternSaysWhatIsWrong(String pattern, String message) {
        assertThat(PathPattern.problem(pattern)).contains(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/files/café", "/文書/**", "/a:b/@c/*.json"})
    void patternsMayHoldLettersBeyondAscii(String pattern) {
        assertThat(PathPattern.problem(pattern)).isNull();
    }

    @Test
    void nullIsNotValid() {
        assertThat(PathPattern.problem(null)).isNotNull();
    }

    @Test
    @DisplayName("a segment character by general category is exactly what the class [\\p{L}\\p{M}\\p{N}._~!$&'()+,=:@*-] accepts, over every code point")
    void segmentCharactersAreTheRegularExpressionsClass() {
        Pattern specification = Pattern.compile("[\\p{L}\\p{M}\\p{N}._~!$&'()+,=:@*-]");
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            boolean expected = specification.matcher(new String(Character.toChars(cp))).matches();
            if (PathPattern.segmentChar(cp) != expected) {
                throw new AssertionError("U+" + Integer.toHexString(cp) + ": expected " + expected);
            }
        }
    }

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource({
            "/api/**, /api/a/b, true",
            "/api/*, /api/a/b, false",
            "/api//x, /api/x, false",
            "/a b, /a b, false",
            "/, /, true"})
    @DisplayName("grants: a valid pattern matches the path's segments; an invalid one grants nothing")
    void grantsMatchesValidPatternsOnly(String pattern, String path, boolean expected) {
        assertThat(PathPattern.grants(pattern, PathPattern.segments(path))).isEqualTo(expected);
    }
}
