package dev.userkit.testkit.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.ErrorCode;
import dev.userkit.UserKit;
import dev.userkit.accounts.NewUser;
import dev.userkit.domain.UserId;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Password and username rules through registration: SEC-01..SEC-03, SEC-23 (a rejected call stores nothing).
 *
 * <p>The rules are core's: a store fails these only when a refused registration left a row
 * behind (nothing may be written before validation ends) or the password hash column cuts the
 * Argon2id hash short.
 */
public abstract class PasswordSecurityTests extends IdentityFixture {

    private void assertRejected(ErrorCode code, NewUser u) {
        UserKit kit = kit();
        assertCode(code, () -> kit.accounts().register(u, null));
        assertThat(kit.accounts().list(null, 10)).isEmpty();
        assertThat(mailSent()).isEmpty();
    }

    private static NewUser withPassword(String password) {
        return NewUser.builder("quinn", "quinn@example.org").password(password).build();
    }

    @Test
    @DisplayName("SEC-01 [required] a password under 15 code points is 1001 and registers nothing")
    void tooShort() {
        assertRejected(ErrorCode.PASSWORD_TOO_SHORT, withPassword("fourteen chars"));
    }

    @Test
    @DisplayName("SEC-01 [required] a password over 256 code points is 1002; 64 emoji are accepted")
    void tooLongAndAstral() {
        assertRejected(ErrorCode.PASSWORD_TOO_LONG, withPassword("x".repeat(100_000)));
        UserId id = kit().accounts().register(withPassword("\uD83C\uDF35".repeat(64)), null).userId();
        assertThat(passwordIs(id, "\uD83C\uDF35".repeat(64))).isTrue();
    }

    @Test
    @DisplayName("SEC-02 [required] the password is kept as typed (no case change), NFKC-normalised on set and verify")
    void nfkc() {
        UserId id = kit().accounts().register(withPassword("Caf\u00E9 ﬁve ｔｒａｍｓ at noon"), null).userId();
        assertThat(passwordIs(id, "Cafe\u0301 five trams at noon")).isTrue();
        assertThat(passwordIs(id, "cafe\u0301 five trams at noon")).isFalse();
    }

    @Test
    @DisplayName("SEC-03 [required] a blocklisted password is 1003; one containing the username or email local part is 1004")
    void blocklistAndContext() {
        UserKit kit8 = kit(config().passwordMinLength(8).build());
        assertCode(ErrorCode.PASSWORD_BLOCKLISTED, () -> kit8.accounts().register(withPassword("baseball1"), null));
        assertCode(ErrorCode.PASSWORD_CONTAINS_CONTEXT, () -> kit8.accounts().register(withPassword("I am QUINN, hello there"), null));
        assertCode(ErrorCode.PASSWORD_CONTAINS_CONTEXT, () -> kit8.accounts().register(
                NewUser.builder("rex", "wolfgang.m@example.org").password("secret wolfgang.m words").build(), null));
        assertThat(kit8.accounts().list(null, 10)).isEmpty();
    }

    @Test
    @DisplayName("SEC-23 [required] zero-width, control and mixed-script look-alike usernames are 900")
    void lookAlikes() {
        for (String name : new String[] {"ad\u200Bmin", "adm\u0456n", "ad\u0007min", "admin@x"}) {
            assertRejected(ErrorCode.INVALID_USERNAME, NewUser.builder(name, "x@example.org").password(PASSWORD).build());
        }
    }

    @Test
    @DisplayName("SEC-23 A13 [required] under a Turkish default locale TITLE and title are one name")
    void turkishLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            UserKit kit = kit();
            kit.accounts().register(user("title"), null);
            assertCode(ErrorCode.USER_EXISTS, () -> kit.accounts().register(NewUser.builder("TITLE", "t2@example.org").password(PASSWORD).build(), null));
            assertThat(kit.accounts().findByUsername("TİTLE")).isEmpty();
            assertThat(kit.accounts().findByUsername("TITLE")).isPresent();
        } finally {
            Locale.setDefault(saved);
        }
    }
}
