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

    @Test
    @DisplayName("A13 emails are trimmed and NFC, unique case-insensitively and shown as entered")
    void emails() {
        Email e = Email.of("  Bob.Smith@Example.ORG ");
        assertThat(e.value()).isEqualTo("Bob.Smith@Example.ORG");
        assertThat(e.key()).isEqualTo("bob.smith@example.org");
    }
}
