package dev.userkit.passwords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.ErrorCode;
import dev.userkit.PasswordHashing;
import dev.userkit.UserKitConfig;
import dev.userkit.UserKitException;
import dev.userkit.domain.Email;
import dev.userkit.domain.Username;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SEC-01..SEC-03: the password policy on its own. */
class PasswordPolicyTest {
    private static final PasswordPolicy DEFAULTS = new PasswordPolicy(UserKitConfig.defaults());
    private static final PasswordPolicy MIN_8 = new PasswordPolicy(UserKitConfig.builder().passwordMinLength(8).build());

    private static void assertCode(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(UserKitException.class).extracting(e -> ((UserKitException) e).code()).isEqualTo(code);
    }

    @Test
    @DisplayName("SEC-01 length is counted in code points: 15 emoji pass, 14 do not")
    void lengthInCodePoints() {
        String fifteen = "\uD83D\uDE00".repeat(15); // 30 UTF-16 units, 15 code points
        assertThatCode(() -> DEFAULTS.checkAlone(fifteen)).doesNotThrowAnyException();
        assertCode(ErrorCode.PASSWORD_TOO_SHORT, () -> DEFAULTS.checkAlone("\uD83D\uDE00".repeat(14)));
    }

    @Test
    @DisplayName("SEC-01 default minimum 15, configurable down to 8; 256 accepted, 257 refused")
    void bounds() {
        assertCode(ErrorCode.PASSWORD_TOO_SHORT, () -> DEFAULTS.checkAlone("kq7#vW2m!zR4pX"));
        assertThatCode(() -> DEFAULTS.checkAlone("kq7#vW2m!zR4pXa")).doesNotThrowAnyException();
        assertThatCode(() -> MIN_8.checkAlone("kq7#vW2m")).doesNotThrowAnyException();
        assertThatCode(() -> DEFAULTS.checkAlone("kq7#vW2m".repeat(32))).doesNotThrowAnyException();
        assertCode(ErrorCode.PASSWORD_TOO_LONG, () -> DEFAULTS.checkAlone("kq7#vW2m".repeat(32) + "x"));
        assertThatThrownBy(() -> UserKitConfig.builder().passwordMinLength(7).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("SEC-01 a megabyte of input is refused as too long at once")
    void hugeInputRefusedFast() {
        String huge = "a".repeat(1_000_000);
        long start = System.nanoTime();
        assertCode(ErrorCode.PASSWORD_TOO_LONG, () -> DEFAULTS.checkAlone(huge));
        // no hashing happened: far below one Argon2 computation even on a slow machine
        assertThat(System.nanoTime() - start).isLessThan(30_000_000L);
    }

    @Test
    @DisplayName("SEC-02 no composition rules: a long lower-case passphrase is fine")
    void noCompositionRules() {
        assertThatCode(() -> DEFAULTS.checkAlone("purple tractors dream of oceans")).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("SEC-02 NFKC on both set and verify: full-width input verifies against an ASCII-set password")
    void nfkcOnSetAndVerify() {
        PasswordHasher hasher = new PasswordHasher(PasswordHashing.insecureForTestsOnly(), 1);
        String hash = hasher.hash("Purple Tractors 42");
        assertThat(hasher.verify("\uFF30urple \uFF34ractors \uFF14\uFF12", hash).matches()).isTrue();
        assertThat(hasher.verify("purple tractors 42", hash).matches()).isFalse(); // no case change
    }

    @Test
    @DisplayName("SEC-03 the blocklist holds at least 10,000 entries from nbvcxz and rejects them in any case")
    void blocklist() {
        assertThat(CommonPasswords.size()).isGreaterThanOrEqualTo(10_000);
        assertCode(ErrorCode.PASSWORD_BLOCKLISTED, () -> MIN_8.checkAlone("12345678"));
        assertCode(ErrorCode.PASSWORD_BLOCKLISTED, () -> MIN_8.checkAlone("PassWord1"));
    }

    @Test
    @DisplayName("SEC-03 context words: the username or the email's local part inside the password are refused")
    void contextWords() {
        Username name = Username.of("Marguerite", false);
        Email email = Email.of("zebulon.k@example.org");
        assertCode(ErrorCode.PASSWORD_CONTAINS_CONTEXT, () -> DEFAULTS.check("my MARGUERITE secret phrase", name, email));
        assertCode(ErrorCode.PASSWORD_CONTAINS_CONTEXT, () -> DEFAULTS.check("open sesame zebulon.k 99", name, email));
        assertThatCode(() -> DEFAULTS.check("purple tractors dream of oceans", name, email)).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("C4 generated passwords satisfy the policy")
    void generatedPasswordsPass() {
        String p = DEFAULTS.generate();
        assertThatCode(() -> DEFAULTS.checkAlone(p)).doesNotThrowAnyException();
        assertThat(p).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(DEFAULTS.generate());
    }
}
