package dev.userkit.testkit.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.ErrorCode;
import dev.userkit.UserKit;
import dev.userkit.accounts.NewUser;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Names and addresses that a reader takes for another's (SEC-23, SEC-29): refused with a typed
 * code, or a duplicate of the account they imitate, on every store. If one of these fails, check
 * that the store keeps {@code Username.skeleton()} unique beside the key, and maps a clash on it
 * to {@code DuplicateKeyException} like a clash on the key.
 */
public abstract class IdentifierLookAlikeTests extends IdentityFixture {

    private static NewUser named(String name, String email) {
        return NewUser.builder(name, email).password(PASSWORD).build();
    }

    private void assertRegisters(ErrorCode code, UserKit kit, NewUser u) {
        List<User> before = kit.accounts().list(null, 100);
        assertCode(code, () -> kit.accounts().register(u, null));
        assertThat(kit.accounts().list(null, 100)).as(u.username() + " / " + u.email()).isEqualTo(before);
    }

    @Test
    @DisplayName("SEC-23 [required] compatibility, overlay and invisible look-alikes of admin (𝐚dmin, ᵃdmin, 𝟏, a̸, VS16, Hangul filler) are 900")
    void compatibilityLookAlikesAreInvalid() {
        UserKit kit = kit();
        kit.accounts().register(named("admin", "admin@example.org"), null);
        String[] names = {
            "\uD835\uDC1Admin",      // MATHEMATICAL BOLD SMALL A
            "\u1D43dmin",            // MODIFIER LETTER SMALL A
            "admin\uD835\uDFCF",     // MATHEMATICAL BOLD DIGIT ONE
            "a\u0338dmin",           // COMBINING LONG SOLIDUS OVERLAY
            "admin\uFE0F",           // VARIATION SELECTOR-16, invisible
            "\uAD00\uB9AC\uC790\u115F", // 관리자 + HANGUL CHOSEONG FILLER, invisible
            "i\u0307lker",           // a dot hidden on an i: looks like "ilker"
        };
        for (int i = 0; i < names.length; i++) {
            assertRegisters(ErrorCode.INVALID_USERNAME, kit, named(names[i], "x" + i + "@example.org"));
        }
    }

    @Test
    @DisplayName("SEC-23 [required] a whole-script Cyrillic look-alike of an existing name is a duplicate (602), at registration and rename")
    void wholeScriptLookAlikeIsDuplicate() {
        UserKit kit = kit();
        kit.accounts().register(named("scope", "scope@example.org"), null);
        String cyrillicScope = "\u0455\u0441\u043E\u0440\u0435"; // ѕсоре
        assertRegisters(ErrorCode.USER_EXISTS, kit, named(cyrillicScope, "other@example.org"));

        UserId other = kit.accounts().register(named("other", "other@example.org"), null).userId();
        assertCode(ErrorCode.USER_EXISTS, () -> kit.accounts().adminChangeUsername(other, cyrillicScope));
        assertCode(ErrorCode.USER_EXISTS, () -> kit.accounts().changeUsername(other, PASSWORD, "\u0405\u0421\u041E\u0420\u0415"));
        assertThat(kit.accounts().findById(other).orElseThrow().username().value()).isEqualTo("other");
        assertThat(kit.accounts().findByUsername(cyrillicScope)).isEmpty();

        // the holder may take a look-alike of its own name, and renaming away frees the look-alikes
        UserId scope = kit.accounts().findByUsername("scope").orElseThrow().id();
        kit.accounts().adminChangeUsername(scope, cyrillicScope);
        kit.accounts().adminChangeUsername(scope, "telescope");
        assertThat(kit.accounts().register(named(cyrillicScope, "cyrillic@example.org"), null).userId()).isNotNull();
    }

    @Test
    @DisplayName("SEC-23 [required] same-script look-alikes (admın, paypa1, rnary) collide with the name they imitate, whichever came first")
    void sameScriptLookAlikesCollide() {
        UserKit kit = kit();
        kit.accounts().register(named("admin", "admin@example.org"), null);
        kit.accounts().register(named("paypa1", "paypal@example.org"), null);
        kit.accounts().register(named("mary", "mary@example.org"), null);
        assertRegisters(ErrorCode.USER_EXISTS, kit, named("adm\u0131n", "a2@example.org"));
        assertRegisters(ErrorCode.USER_EXISTS, kit, named("PayPal", "p2@example.org"));
        assertRegisters(ErrorCode.USER_EXISTS, kit, named("rnary", "m2@example.org"));
    }

    @Test
    @DisplayName("SEC-29 [required] an email whose lower-cased key outgrows 254 characters (İ x 240) is 901 at registration and email change")
    void emailKeyTooLong() {
        UserKit kit = kit();
        String longKey = "\u0130".repeat(240) + "@example.com";
        assertRegisters(ErrorCode.INVALID_EMAIL, kit, named("istvan", longKey));
        UserId id = kit.accounts().register(named("istvan", "istvan@example.org"), null).userId();
        assertCode(ErrorCode.INVALID_EMAIL, () -> kit.accounts().requestEmailChange(id, PASSWORD, longKey));
        assertThat(kit.accounts().findByEmail(longKey)).isEmpty();
    }

    @Test
    @DisplayName("SEC-29 [required] invisible and compatibility characters in an email (ZWSP, bidi override, soft hyphen, NBSP, VS16, private use, 𝐯) are 901")
    void invisibleEmailCharacters() {
        UserKit kit = kit();
        UserId victim = kit.accounts().register(named("victim", "victim@example.com"), null).userId();
        String[] emails = {
            "victim\u200B@example.com",      // ZERO WIDTH SPACE
            "\u202Evictim@example.com",      // RIGHT-TO-LEFT OVERRIDE
            "vic\u00ADtim@example.com",      // SOFT HYPHEN
            "victim\u00A0@example.com",      // NO-BREAK SPACE
            "victim\uFE0F@example.com",      // VARIATION SELECTOR-16
            "victim\uE000@example.com",      // private use
            "\uD835\uDC2Fictim@example.com", // MATHEMATICAL BOLD SMALL V
            "victim\u0085@example.com",      // NEXT LINE, a C1 control
        };
        for (int i = 0; i < emails.length; i++) {
            assertRegisters(ErrorCode.INVALID_EMAIL, kit, named("v" + i, emails[i]));
            String email = emails[i];
            assertCode(ErrorCode.INVALID_EMAIL, () -> kit.accounts().requestEmailChange(victim, PASSWORD, email));
        }
    }

    @Test
    @DisplayName("SEC-29 [required] an email with an unpaired surrogate is 901, and a lookup by it finds nobody rather than another account")
    void unpairedSurrogateEmail() {
        UserKit kit = kit();
        kit.accounts().register(named("asker", "a?@example.com"), null);
        assertRegisters(ErrorCode.INVALID_EMAIL, kit, named("lone", "a\uD800@example.com"));
        assertRegisters(ErrorCode.INVALID_EMAIL, kit, named("lone", "a\uDC00@example.com"));
        assertThat(kit.accounts().findByEmail("a\uD800@example.com")).isEmpty();
        assertThat(kit.accounts().find("a\uDFFF@example.com")).isEmpty();
        assertCode(ErrorCode.WRONG_CREDENTIALS, () -> kit.sessions().login("a\uD800@example.com", PASSWORD, null));
    }

    @Test
    @DisplayName("SEC-29 A13 [required] a full-width form of an existing email (ｖｉｃｔｉｍ＠ｅｘａｍｐｌｅ．ｃｏｍ) is the same address: 602, and finds it")
    void fullWidthEmailIsTheSameAddress() {
        UserKit kit = kit();
        kit.accounts().register(named("victim", "victim@example.com"), null);
        String fullWidth = "\uFF56\uFF49\uFF43\uFF54\uFF49\uFF4D\uFF20\uFF45\uFF58\uFF41\uFF4D\uFF50\uFF4C\uFF45\uFF0E\uFF43\uFF4F\uFF4D";
        assertRegisters(ErrorCode.USER_EXISTS, kit, named("other", fullWidth));
        assertThat(kit.accounts().findByEmail(fullWidth).map(u -> u.username().value())).contains("victim");
    }
}
