package dev.userkit.passwords;

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
 *
 * <p>The PHC, passlib and Django strings were assembled by hand around Python 3 hashlib output
 * (passlib and Django were not installed), following their documented layouts: PHC base64 is the
 * standard alphabet without padding; passlib's adapted base64 writes '.' for '+'; Django keeps its
 * salt as a plain string and pads the base64 hash. The salt bytes fb ef 7e 00 11 22 33 44 fb ef 7e
 * 55 66 77 88 99 encode with '+' (PHC) or '.' (passlib), so the alphabets are exercised:
 * <pre>
 * b64 = lambda b: base64.b64encode(b).decode().rstrip('=');  ab64 = lambda b: b64(b).replace('+', '.')
 * hashlib.pbkdf2_hmac('sha256', b'correct horse', salt, 4096, 32)          # PHC i=4096,l=32
 * hashlib.pbkdf2_hmac('sha512', b'correct horse', salt, 2048, 64)          # PHC i=2048,l=64
 * hashlib.pbkdf2_hmac('sha256', b'correct horse', salt, 29000, 32)         # passlib 29000
 * hashlib.pbkdf2_hmac('sha512', b'correct horse', salt, 25000, 64)         # passlib 25000
 * hashlib.pbkdf2_hmac('sha256', b'correct horse', b'Xo3kP9qLm2RtZ8vB1cYw4e', 10000, 32)   # Django
 * hashlib.scrypt(b'correct horse', salt=salt, n=1024, r=8, p=1, dklen=32)  # ln=10,r=8,p=1
 * hashlib.scrypt(b'correct horse', salt=salt, n=2048, r=4, p=2, dklen=64)  # ln=11,r=4,p=2
 * </pre>
 */
class PasswordHasherFormatsTest {
    private static final PasswordHasher HASHER = new PasswordHasher(PasswordHashing.PRODUCTION, 2);
    private static final String PHC_SHA256 =
            "$pbkdf2-sha256$i=4096,l=32$++9+ABEiM0T7735VZneImQ$aV3S7dVmRu0p3E4okeL+9SRlISPFdoZzPhZoSUJU5Ag";
    private static final String DJANGO = "pbkdf2_sha256$10000$Xo3kP9qLm2RtZ8vB1cYw4e$tIkuPTP42IvwhqpB7GjlxWocZ1NXQSfapOq3WZcNhfE=";
    private static final String PHC_SCRYPT = "$scrypt$ln=10,r=8,p=1$++9+ABEiM0T7735VZneImQ$wgSRwhEloGlHFxjiY1BjHA3wWL716Y4zIqS99RbGqf0";

    @ParameterizedTest(name = "{0}")
    @DisplayName("A17 foreign hashes verify with the right password and ask for a re-hash")
    @CsvSource(delimiter = '|', value = {
        "bcrypt $2a$ (OpenWall vector)|U*U|$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
        "PBKDF2-SHA256 (hashlib)|correct horse|$3$42949672960256$MDEyMzQ1Njc4OWFiY2RlZg==$TI2grtvV1HW5nz2rBY4tctlrmOj5bZs0dw9j8NHpRRc=",
        "scrypt $s0$ (hashlib)|correct horse|$s0$e0801$MDEyMzQ1Njc4OWFiY2RlZg==$0LupyHkzAIgDr9UDsriAAf87vMbCbcaUfDvFOAHk0D0=",
        "scrypt bare (hashlib)|correct horse|$e0801$MDEyMzQ1Njc4OWFiY2RlZg==$0LupyHkzAIgDr9UDsriAAf87vMbCbcaUfDvFOAHk0D0=",
        "Argon2id m=65536 (reference)|password|$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "PHC pbkdf2-sha256 (hashlib)|correct horse|" + PHC_SHA256,
        "PHC pbkdf2-sha256 without l (hashlib)|correct horse|$pbkdf2-sha256$i=4096$++9+ABEiM0T7735VZneImQ$aV3S7dVmRu0p3E4okeL+9SRlISPFdoZzPhZoSUJU5Ag",
        "PHC pbkdf2-sha512 (hashlib)|correct horse|$pbkdf2-sha512$i=2048,l=64$++9+ABEiM0T7735VZneImQ$"
                + "H02btKhmQMxrGjYj1/Zm4wltAU0jhRkGOCHTISeBvGNApZA+pX8aUGpxDZ3CYgEVq+uINXuzQl8Mecin5g4bcw",
        "passlib pbkdf2-sha256 (hashlib)|correct horse|$pbkdf2-sha256$29000$..9.ABEiM0T7735VZneImQ$xFbogTdkXoflO4fGoVyO8O3Xh2UOp96lH3JCaWi4vQ8",
        "passlib pbkdf2-sha512 (hashlib)|correct horse|$pbkdf2-sha512$25000$..9.ABEiM0T7735VZneImQ$"
                + "z/lCt6zlAIlkE9UcJZqTv2fYUfcbDGXlUVA4ceV6qqJQWZQITcpTCgR0xi7CUdcuSGrueL15sZrmKnNXEAQPgQ",
        "Django pbkdf2_sha256 (hashlib)|correct horse|" + DJANGO,
        "PHC scrypt ln=10 (hashlib)|correct horse|" + PHC_SCRYPT,
        "PHC scrypt ln=11,r=4,p=2 (hashlib)|correct horse|$scrypt$ln=11,r=4,p=2$++9+ABEiM0T7735VZneImQ$"
                + "i2PuABcfvJfX3Yb61g9+1Us0ry9FHUuauReDbx3cz6aMshNRhcAGB3XoFFGIAn68xL0kKoI4E3d7pJnO+MiiWg",
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

    @ParameterizedTest(name = "{0}")
    @DisplayName("A17 a well-formed imported hash with a parameter changed is supported but does not match")
    @CsvSource(delimiter = '|', value = {
        "digest sha512 for sha256|$pbkdf2-sha512$i=4096$++9+ABEiM0T7735VZneImQ$aV3S7dVmRu0p3E4okeL+9SRlISPFdoZzPhZoSUJU5Ag",
        "iterations 4097|$pbkdf2-sha256$i=4097,l=32$++9+ABEiM0T7735VZneImQ$aV3S7dVmRu0p3E4okeL+9SRlISPFdoZzPhZoSUJU5Ag",
        "Django salt changed|pbkdf2_sha256$10000$Xo3kP9qLm2RtZ8vB1cYw4f$tIkuPTP42IvwhqpB7GjlxWocZ1NXQSfapOq3WZcNhfE=",
        "scrypt r=4|$scrypt$ln=10,r=4,p=1$++9+ABEiM0T7735VZneImQ$wgSRwhEloGlHFxjiY1BjHA3wWL716Y4zIqS99RbGqf0",
    })
    void importedHashWithOtherParameters(String change, String hash) {
        assertThat(HASHER.supports(hash)).isTrue();
        assertThat(HASHER.verify("correct horse", hash)).isEqualTo(new PasswordHasher.Verification(false, false));
    }

    @ParameterizedTest
    @DisplayName("A17 malformed PHC, passlib, Django and scrypt strings are unsupported and never match")
    @ValueSource(strings = {
        "$pbkdf2-sha256$i=4096,l=31$++9+ABEiM0T7735VZneImQ$aV3S7dVmRu0p3E4okeL+9SRlISPFdoZzPhZoSUJU5Ag",   // l is not the key length
        "$pbkdf2-sha256$i=0,l=32$++9+ABEiM0T7735VZneImQ$aV3S7dVmRu0p3E4okeL+9SRlISPFdoZzPhZoSUJU5Ag",     // no iterations
        "$pbkdf2-sha256$i=20000000$++9+ABEiM0T7735VZneImQ$aV3S7dVmRu0p3E4okeL+9SRlISPFdoZzPhZoSUJU5Ag",   // over the bound
        "$pbkdf2-md5$i=4096$++9+ABEiM0T7735VZneImQ$aV3S7dVmRu0p3E4okeL+9SRlISPFdoZzPhZoSUJU5Ag",          // unknown digest
        "$pbkdf2-sha256$i=4096$..9.ABEiM0T7735VZneImQ$aV3S7dVmRu0p3E4okeL+9SRlISPFdoZzPhZoSUJU5Ag",       // passlib alphabet in PHC
        "$pbkdf2-sha256$i=4096$++9+ABEiM0T7735VZneImQ$aV3S7dVmRu0p3E4okeL+9SRlISPFdoZzPhZoSUJU5Ag=",      // PHC has no padding
        "$pbkdf2-sha256$i=4096$++9+ABEiM0T7735VZneImQ$aV3S7dVmRu0p",                                      // 9-byte key
        "$pbkdf2-sha256$i=4096$++9+ABEiM0T7735VZneImQ$",                                                  // no key
        "$pbkdf2-sha256$29000$++9+ABEiM0T7735VZneImQ$xFbogTdkXoflO4fGoVyO8O3Xh2UOp96lH3JCaWi4vQ8",        // '+' in passlib
        "$pbkdf2-sha256$29000$..9.ABEiM0T7735VZneImQ$xFbogTdkXoflO4fGoVyO8O3Xh2UOp96lH3JCaWi4v",          // bad base64 length
        "pbkdf2_sha256$10000$$tIkuPTP42IvwhqpB7GjlxWocZ1NXQSfapOq3WZcNhfE=",                              // empty salt
        "pbkdf2_sha256$010000$Xo3kP9qLm2RtZ8vB1cYw4e$tIkuPTP42IvwhqpB7GjlxWocZ1NXQSfapOq3WZcNhfE=",       // zero-padded count
        "pbkdf2_sha256$10000$Xo3kP9qLm2RtZ8vB1cYw4e$tIkuPTP42IvwhqpB7GjlxWocZ1NXQSfapOq3WZcNhfE=$x",     // extra field
        "pbkdf2_sha256$10000$Xo3kP9qLm2RtZ8vB1cYw4e$tIkuPTP42Ivw*hqpB7GjlxWocZ1NXQSfapOq3WZcNhfE=",      // not base64
        "$scrypt$ln=10,r=8$++9+ABEiM0T7735VZneImQ$wgSRwhEloGlHFxjiY1BjHA3wWL716Y4zIqS99RbGqf0",           // no p
        "$scrypt$ln=21,r=8,p=1$++9+ABEiM0T7735VZneImQ$wgSRwhEloGlHFxjiY1BjHA3wWL716Y4zIqS99RbGqf0",       // 2 GiB of memory
        "$scrypt$ln=10,r=8,p=99$++9+ABEiM0T7735VZneImQ$wgSRwhEloGlHFxjiY1BjHA3wWL716Y4zIqS99RbGqf0",      // parallelism over the bound
        "$scrypt$r=8,ln=10,p=1$++9+ABEiM0T7735VZneImQ$wgSRwhEloGlHFxjiY1BjHA3wWL716Y4zIqS99RbGqf0",       // parameters out of order
    })
    void malformedImportedFormat(String hash) {
        assertThat(HASHER.supports(hash)).isFalse();
        assertThat(HASHER.verify("correct horse", hash)).isEqualTo(new PasswordHasher.Verification(false, false));
    }

    @Test
    @DisplayName("A17 an imported hash is checked against the password as typed, as the system that made it did")
    void importedHashTakesPasswordAsTyped() {
        // hashlib.pbkdf2_hmac('sha256', 'ｐäss ｗord'.encode(), b'Xo3kP9qLm2RtZ8vB1cYw4e', 10000, 32): full-width letters NFKC would fold
        String django = "pbkdf2_sha256$10000$Xo3kP9qLm2RtZ8vB1cYw4e$jmljE+IgAOLouE+SzDtHGRXQugFi2QaJK2gnKS6Uvd4=";
        assertThat(HASHER.verify("ｐäss ｗord", django)).isEqualTo(new PasswordHasher.Verification(true, true));
        assertThat(HASHER.verify("päss word", django).matches()).isFalse();
        String rehashed = HASHER.hash("ｐäss ｗord");
        assertThat(HASHER.verify("ｐäss ｗord", rehashed)).isEqualTo(new PasswordHasher.Verification(true, false));
    }
}
