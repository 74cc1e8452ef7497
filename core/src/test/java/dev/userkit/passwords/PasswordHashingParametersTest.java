package dev.userkit.passwords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.KeyRing;
import dev.userkit.PasswordHashing;
import dev.userkit.UserKitConfig;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PasswordHashingParametersTest {
    private static final byte[] PEPPER_1 = "pepper-version-one-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PEPPER_2 = "pepper-version-two-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final String PASSWORD = "a sufficiently long passphrase";

    @Test
    @DisplayName("SEC-04 parameters below m=19456 KiB, t=2, p=1 are refused at start-up")
    void weakerParametersAreRefused() {
        assertThatThrownBy(() -> PasswordHashing.of(19455, 2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordHashing.of(19456, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordHashing.of(19456, 2, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(PasswordHashing.of(65536, 3, 2)).isEqualTo(PasswordHashing.of(65536, 3, 2));
    }

    @Test
    @DisplayName("SEC-04 the default configuration hashes with Argon2id m=19456, t=2, p=1, set explicitly")
    void defaultsAreArgon2idAtTheMinimum() {
        UserKitConfig config = UserKitConfig.builder().keyRing(KeyRing.ephemeral()).build();
        assertThat(config.passwordHashing()).isEqualTo(PasswordHashing.PRODUCTION);
        String hash = new PasswordHasher(config.passwordHashing(), 1).hash(PASSWORD);
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    @DisplayName("SEC-04 the test-only parameters come from one explicitly named factory and are below the minimum")
    void testOnlyParametersAreNamedAndWeak() {
        PasswordHashing insecure = PasswordHashing.insecureForTestsOnly();
        assertThat(insecure.memoryKiB()).isLessThan(19456);
        assertThatThrownBy(() -> PasswordHashing.of(insecure.memoryKiB(), insecure.iterations(), insecure.parallelism()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("SEC-04 a peppered hash verifies only with its pepper, which is never part of the stored hash")
    void pepperIsNeededToVerify() {
        KeyRing ring = KeyRing.of(Map.of(1, PEPPER_1), 1);
        String hash = new PasswordHasher(PasswordHashing.PRODUCTION, 1, ring).hash(PASSWORD);
        assertThat(hash).startsWith("$userkit-pepper$v=1$argon2id$").doesNotContain(new String(PEPPER_1, StandardCharsets.UTF_8));
        assertThat(new PasswordHasher(PasswordHashing.PRODUCTION, 1, ring).verify(PASSWORD, hash))
                .isEqualTo(new PasswordHasher.Verification(true, false));
        assertThat(new PasswordHasher(PasswordHashing.PRODUCTION, 1).verify(PASSWORD, hash).matches()).isFalse();
        assertThat(new PasswordHasher(PasswordHashing.PRODUCTION, 1, KeyRing.of(Map.of(1, PEPPER_2), 1))
                .verify(PASSWORD, hash).matches()).isFalse();
    }

    @Test
    @DisplayName("SEC-04 rotating the pepper keeps old hashes verifying and asks for a re-hash with the new version")
    void pepperRotationReHashes() {
        String oldHash = new PasswordHasher(PasswordHashing.PRODUCTION, 1, KeyRing.of(Map.of(1, PEPPER_1), 1)).hash(PASSWORD);
        PasswordHasher rotated = new PasswordHasher(PasswordHashing.PRODUCTION, 1, KeyRing.of(Map.of(1, PEPPER_1, 2, PEPPER_2), 2));
        assertThat(rotated.verify(PASSWORD, oldHash)).isEqualTo(new PasswordHasher.Verification(true, true));
        assertThat(rotated.hash(PASSWORD)).startsWith("$userkit-pepper$v=2$");
        String unpeppered = new PasswordHasher(PasswordHashing.PRODUCTION, 1).hash(PASSWORD);
        assertThat(rotated.verify(PASSWORD, unpeppered)).isEqualTo(new PasswordHasher.Verification(true, true));
    }
}
