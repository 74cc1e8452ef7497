package dev.userkit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A13, SEC-23: username canonicalisation. */
class UsernameCanonicalisationTest {

    @Test
    @DisplayName("SEC-23 lower-casing uses Locale.ROOT: TITLE is title under a Turkish default locale")
    void turkishDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(Username.of("TITLE", false).key()).isEqualTo("title");
            assertThat(Email.of("INFO@EXAMPLE.ORG").key()).isEqualTo("info@example.org");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    @DisplayName("A13 case-insensitive by default, case kept for display; case-sensitive on request")
    void caseModes() {
        Username u = Username.of("Alice", false);
        assertThat(u.value()).isEqualTo("Alice");
        assertThat(u.key()).isEqualTo(Username.of("ALICE", false).key());
        assertThat(Username.of("Alice", true).key()).isNotEqualTo(Username.of("alice", true).key());
    }

    @Test
    @DisplayName("SEC-23 width mapping and NFC: full-width and decomposed forms give one key")
    void widthAndNfc() {
        assertThat(Username.of("\uFF41\uFF4C\uFF49\uFF43\uFF45", false).key()).isEqualTo("alice");
        assertThat(Username.of("jose\u0301", false).key()).isEqualTo(Username.of("jos\u00E9", false).key());
    }

    @ParameterizedTest
    @DisplayName("SEC-23 control, zero-width, mixed-script look-alikes and '@' are refused")
    @ValueSource(strings = {"ali\u200Bce", "ali\u200Dce", "\uFEFFalice", "al\u0000ice", "al\tice", "p\u0430ypal", "alice@home", "al ice", ""})
    void refused(String name) {
        assertThatThrownBy(() -> Username.of(name, false)).isInstanceOf(UserKitException.class)
                .extracting(e -> ((UserKitException) e).code()).isEqualTo(ErrorCode.INVALID_USERNAME);
    }

    @ParameterizedTest
    @DisplayName("SEC-23 what IdentifierClass disallows or NFKC would change is refused (𝐚, ᵃ, 𝟏, ǅ, Ⅻ, jamo, overlays, VS16, fillers)")
    @ValueSource(strings = {"\uD835\uDC1Admin", "\u1D43dmin", "admin\uD835\uDFCF", "\u01C5ungla", "\u216Bmax",
        "\u1100\u1100", "a\u0338dmin", "admin\uFE0F", "\uD55C\u3164", "\uD55C\u115F", "\uFB01le", "a\u20DD", "admin\uE000"})
    void identifierClassAndNfkc(String name) {
        assertThatThrownBy(() -> Username.of(name, false)).isInstanceOf(UserKitException.class)
                .extracting(e -> ((UserKitException) e).code()).isEqualTo(ErrorCode.INVALID_USERNAME);
    }

    @Test
    @DisplayName("SEC-23 UTS #39: look-alikes share a skeleton (admın, ѕсоре, paypa1), different names do not; Han with kana is one name")
    void skeletons() {
        assertThat(Username.of("adm\u0131n", false).skeleton()).isEqualTo(Username.of("Admin", false).skeleton());
        assertThat(Username.of("\u0455\u0441\u043E\u0440\u0435", false).skeleton()).isEqualTo(Username.of("scope", false).skeleton());
        assertThat(Username.of("paypa1", false).skeleton()).isEqualTo(Username.of("PayPal", false).skeleton());
        assertThat(Username.of("alice", false).skeleton()).isNotEqualTo(Username.of("alina", false).skeleton());
        assertThat(Username.of("\u6771\u4EAC\u30BF\u30EF\u30FC", false).value()).isEqualTo("東京タワー");
        assertThat(Username.of("\uD55C\uAD6D\uC5B4", false).key()).isEqualTo("한국어");
    }

    @Test
    @DisplayName("SEC-23 Turkish İ stays a name of its own ('İlker' is not 'ilker'); a hand-typed i + U+0307, which hides its dot, is refused")
    void turkishDottedI() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            Username ilker = Username.of("\u0130lker", false);
            assertThat(ilker.key()).isEqualTo("i\u0307lker");
            assertThat(ilker.skeleton()).isNotEqualTo(Username.of("ilker", false).skeleton());
            assertThatThrownBy(() -> Username.of("i\u0307lker", false)).isInstanceOf(UserKitException.class);
        } finally {
            Locale.setDefault(saved);
        }
    }

    @ParameterizedTest
    @DisplayName("SEC-29 emails with format, bidi, control, space, private-use or unpaired-surrogate characters, or a key over 254, are refused")
    @ValueSource(strings = {"a\u200B@example.com", "\u202Ea@example.com", "a\u00AD@example.com", "a\u00A0b@example.com",
        "a\uD800@example.com", "a\uDC00b@example.com", "a\uE000@example.com", "a\uFE0F@example.com", "\uD835\uDC1A@example.com"})
    void badEmailCharacters(String email) {
        assertThatThrownBy(() -> Email.of(email)).isInstanceOf(UserKitException.class)
                .extracting(e -> ((UserKitException) e).code()).isEqualTo(ErrorCode.INVALID_EMAIL);
    }

    @Test
    @DisplayName("SEC-29 the email length is checked on the lower-cased key too: 'İ' x 240 is refused, 'I' x 240 is kept")
    void emailKeyLength() {
        assertThatThrownBy(() -> Email.of("\u0130".repeat(240) + "@example.com")).isInstanceOf(UserKitException.class);
        assertThat(Email.of("I".repeat(240) + "@example.com").key()).hasSize(252);
        assertThat(Email.of("\uFF41\uFF20example.com").key()).isEqualTo("a@example.com");
    }

    @Test
    @DisplayName("A13 emails are trimmed and NFC, unique case-insensitively and shown as entered")
    void emails() {
        Email e = Email.of("  Bob.Smith@Example.ORG ");
        assertThat(e.value()).isEqualTo("Bob.Smith@Example.ORG");
        assertThat(e.key()).isEqualTo("bob.smith@example.org");
    }
}
