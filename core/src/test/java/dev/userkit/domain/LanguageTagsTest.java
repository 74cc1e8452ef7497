package dev.userkit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** M3: which languages a user may store. */
class LanguageTagsTest {

    @Test
    @DisplayName("M3 a well-formed tag parses to a locale that reads back equal from its own tag")
    void wellFormedTags() {
        for (String tag : new String[] {"de", "de-AT", "sr-Latn-RS", "zh-Hant-TW", "en-US-x-acme"}) {
            Locale l = LanguageTags.parse(tag);
            assertThat(l.toLanguageTag()).isEqualTo(tag);
            assertThat(LanguageTags.check(l)).isSameAs(l);
        }
        assertThat(LanguageTags.check(null)).isNull();
    }

    @Test
    @DisplayName("M3 a malformed, empty, language-less or over-long tag is 1016")
    void badTags() {
        String tooLong = "de-DE-x-" + "abcdefgh-".repeat(3) + "abcdefgh";
        for (String tag : new String[] {"", "de_AT", "not a tag", "x-private", "de-\r\n", tooLong, "a".repeat(10_000), null}) {
            assertThatThrownBy(() -> LanguageTags.parse(tag)).as(String.valueOf(tag)).isInstanceOfSatisfying(UserKitException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_LOCALE));
        }
    }
}
