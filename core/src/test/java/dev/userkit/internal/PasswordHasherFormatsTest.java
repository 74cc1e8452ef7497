package dev.userkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.password4j.BcryptFunction;
import com.password4j.Password;
import com.password4j.types.Bcrypt;
import dev.userkit.PasswordHashing;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A17, SEC-05: imported hashes in their standard encodings verify and report that a re-hash is due.
 * The vectors come from other implementations (Python's hashlib, the OpenWall bcrypt suite, the
 * Argon2 reference), so the test proves compatibility and not just a round trip.
 */
class PasswordHasherFormatsTest {
    private static final PasswordHasher HASHER = new PasswordHasher(PasswordHashing.PRODUCTION, 2);

    @ParameterizedTest(name = "{0}")
    @DisplayName("A17 foreign hashes verify with the right password and ask for a re-hash")
    @CsvSource(delimiter = '|', value = {
        "bcrypt $2a$ (OpenWall vector)|U*U|$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
        "PBKDF2-SHA256 (hashlib)|correct horse|$3$42949672960256$MDEyMzQ1Njc4OWFiY2RlZg==$TI2grtvV1HW5nz2rBY4tctlrmOj5bZs0dw9j8NHpRRc=",
        "scrypt $s0$ (hashlib)|correct horse|$s0$e0801$MDEyMzQ1Njc4OWFiY2RlZg==$0LupyHkzAIgDr9UDsriAAf87vMbCbcaUfDvFOAHk0D0=",
        "scrypt bare (hashlib)|correct horse|$e0801$MDEyMzQ1Njc4OWFiY2RlZg==$0LupyHkzAIgDr9UDsriAAf87vMbCbcaUfDvFOAHk0D0=",
        "Argon2id m=65536 (reference)|password|$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
    })
    void foreignHashVerifies(String format, String password, String hash) {
        assertThat(HASHER.supports(hash)).isTrue();
        assertThat(HASHER.verify(password, hash)).isEqualTo(new PasswordHasher.Verification(true, true));
        assertThat(HASHER.verify(password + "x", hash).matches()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("A17 bcrypt $2b$ and $2y$ verify")
    @ValueSource(strings = {"B", "Y"})
    void bcryptMinorVersions(String minor) {
        String hash = Password.hash("old secret").with(BcryptFunction.getInstance(Bcrypt.valueOf(minor), 4)).getResult();
        assertThat(hash).startsWith("$2" + minor.toLowerCase() + "$");
        assertThat(HASHER.verify("old secret", hash)).isEqualTo(new PasswordHasher.Verification(true, true));
    }

    @Test
    @DisplayName("SEC-05 a hash with the current parameters needs no re-hash")
    void currentHashNeedsNoRehash() {
        String hash = HASHER.hash("a long enough passphrase");
        assertThat(HASHER.verify("a long enough passphrase", hash)).isEqualTo(new PasswordHasher.Verification(true, false));
    }

    @ParameterizedTest
    @DisplayName("A17 unknown formats are unsupported and never match")
    @ValueSource(strings = {"plain", "$1$saltsalt$abcdefghijklmnopqrstuv", "{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=", "$argon2id$broken", ""})
    void unknownFormat(String hash) {
        assertThat(HASHER.supports(hash)).isFalse();
        assertThat(HASHER.verify("plain", hash).matches()).isFalse();
    }
}
