package dev.userkit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.domain.TextRules.Lines;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SEC-29: the character rules every text input follows, without a store. */
class TextRulesTest {

    @ParameterizedTest(name = "{displayName}: U+{0}")
    @ValueSource(strings = {"0000", "D800", "DBFF", "DC00", "DFFF", "FFFE", "FFFF", "FDD0", "FDEF"})
    @DisplayName("SEC-29 NUL, a lone surrogate and noncharacters are never well formed")
    void notWellFormed(String hex) {
        String c = String.valueOf((char) Integer.parseInt(hex, 16));
        assertThat(TextRules.isWellFormed("a" + c + "b")).isFalse();
        assertThat(TextRules.isWellFormed(c)).isFalse();
    }

    @Test
    @DisplayName("SEC-29 surrogate pairs are well formed, except the supplementary noncharacters U+1FFFE and U+10FFFF")
    void pairs() {
        assertThat(TextRules.isWellFormed("😀 𝒜 \u0007\n")).isTrue();
        assertThat(TextRules.isWellFormed(new String(Character.toChars(0x1FFFE)))).isFalse();
        assertThat(TextRules.isWellFormed(new String(Character.toChars(0x10FFFF)))).isFalse();
        assertThat(TextRules.isWellFormed("\uDC00\uD800")).isFalse();
    }

    @Test
    @DisplayName("SEC-29 single-line text refuses controls, separators and format characters except ZWNJ and ZWJ; multi-line allows tab, LF and CR")
    void lines() {
        for (String bad : new String[] {"\t", "\n", "\r", "\u0007", "\u2028", "\u2029", "\u202E", "\u2066", "\u200B", "\uFEFF", "\u00AD"}) {
            assertThatThrownBy(() -> TextRules.check("a" + bad, "f", 10, Lines.SINGLE, ErrorCode.INVALID_ARGUMENT))
                    .isInstanceOf(UserKitException.class);
        }
        assertThat(TextRules.check("a\u200Cb\u200Dc", "f", 10, Lines.SINGLE, ErrorCode.INVALID_ARGUMENT)).isEqualTo("a\u200Cb\u200Dc");
        assertThat(TextRules.check("a\tb\r\nc", "f", 10, Lines.MULTI, ErrorCode.INVALID_ARGUMENT)).isEqualTo("a\tb\r\nc");
        assertThatThrownBy(() -> TextRules.check("a\u0007", "f", 10, Lines.MULTI, ErrorCode.INVALID_ARGUMENT))
                .isInstanceOf(UserKitException.class);
    }

    @Test
    @DisplayName("SEC-29 caps count code points, and the code is the one the caller names")
    void caps() {
        assertThat(TextRules.check("😀".repeat(3), "f", 3, Lines.SINGLE, ErrorCode.INVALID_ARGUMENT)).hasSize(6);
        assertThatThrownBy(() -> TextRules.check("😀".repeat(4), "f", 3, Lines.SINGLE, ErrorCode.WRONG_ROLE_NAME))
                .isInstanceOf(UserKitException.class).extracting(e -> ((UserKitException) e).code()).isEqualTo(ErrorCode.WRONG_ROLE_NAME);
    }

    @Test
    @DisplayName("SEC-29 utf8Length agrees with the encoder for well-formed text")
    void utf8Length() {
        String s = "aé€😀\u0000\u07FF\u0800";
        assertThat(TextRules.utf8Length(s)).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
    }
}
