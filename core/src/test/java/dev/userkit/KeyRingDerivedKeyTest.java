package dev.userkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KeyRingDerivedKeyTest {
    private static final byte[] K1 = "first-ring-key-0123456789abcdefgh".getBytes(StandardCharsets.UTF_8);
    private static final byte[] K2 = "second-ring-key-0123456789abcdefg".getBytes(StandardCharsets.UTF_8);
    private final KeyRing ring = KeyRing.of(Map.of(1, K1, 2, K2), 2);

    @Test
    @DisplayName("SEC-26 S9 derivedKey is 32 bytes, stable per version and purpose, and differs from the ring key, other purposes and other versions")
    void derivedKeysAreSeparate() {
        byte[] tokens1 = ring.derivedKey(1, "userkit access token v1");
        assertThat(tokens1).hasSize(32).isEqualTo(ring.derivedKey(1, "userkit access token v1"));
        assertThat(tokens1).isNotEqualTo(ring.derivedKey(1, "userkit outbox v1")).isNotEqualTo(ring.derivedKey(2, "userkit access token v1"));
        assertThat(tokens1).isNotEqualTo(java.util.Arrays.copyOf(K1, 32));
        assertThat(KeyRing.of(Map.of(1, K1), 1).derivedKey(1, "userkit access token v1")).isEqualTo(tokens1);
    }

    @Test
    @DisplayName("SEC-26 derivedKey of a version the ring does not hold is refused")
    void unknownVersionIsRefused() {
        assertThatThrownBy(() -> ring.derivedKey(3, "userkit outbox v1")).isInstanceOf(IllegalArgumentException.class);
    }
}
