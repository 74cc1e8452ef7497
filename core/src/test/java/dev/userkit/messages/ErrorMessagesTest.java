package dev.userkit.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.ErrorCode;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** H1, M3: an error code's message in the user's language. */
class ErrorMessagesTest {

    @Test
    @DisplayName("H1 an error code's message in English, German and a German dialect; an unshipped language reads English")
    void messagesByLocale() {
        assertThat(ErrorMessages.of(Locale.ENGLISH).message(ErrorCode.CODE_EXPIRED)).isEqualTo("Code is expired");
        assertThat(ErrorMessages.of(Locale.GERMAN).message(ErrorCode.CODE_EXPIRED)).isEqualTo("Der Code ist abgelaufen");
        assertThat(ErrorMessages.of(Locale.forLanguageTag("de-CH")).message(ErrorCode.WRONG_CREDENTIALS))
                .isEqualTo("Falscher Benutzername oder falsches Passwort");
        assertThat(ErrorMessages.of(Locale.JAPANESE).message(ErrorCode.USER_EXISTS)).isEqualTo(ErrorCode.USER_EXISTS.defaultMessage());
        assertThat(ErrorMessages.of(null).locale()).isEqualTo(Locale.ROOT);
    }

    @Test
    @DisplayName("H1 the English bundle says what each code's default message says")
    void englishIsTheDefault() {
        ErrorMessages en = ErrorMessages.of(Locale.ENGLISH);
        for (ErrorCode code : ErrorCode.values()) assertThat(en.message(code)).as(code.name()).isEqualTo(code.defaultMessage());
    }

    @Test
    @DisplayName("H1 an application's own error bundle wins over the shipped one; other keys stay shipped")
    void applicationBundle() {
        ErrorMessages own = ErrorMessages.of(Locale.ENGLISH, "acme.errors.texts", getClass().getClassLoader());
        assertThat(own.message(ErrorCode.CODE_EXPIRED)).isEqualTo("Your code is too old: ask for a new one");
        assertThat(own.message(ErrorCode.CODE_INVALID)).isEqualTo("Code is invalid");
    }
}
