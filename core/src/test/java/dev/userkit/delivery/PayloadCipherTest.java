package dev.userkit.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.KeyRing;
import dev.userkit.spi.MessageKind;
import dev.userkit.spi.Notification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PayloadCipherTest {
    private static final byte[] KEY_1 = filled(1);
    private static final byte[] KEY_2 = filled(2);
    private static final Notification RESET = new Notification("id-1", MessageKind.PASSWORD_RESET, "ann@example.org",
            Locale.GERMAN, "ann", "the-code", "https://app.example/r?c=the-code", Instant.parse("2026-01-01T10:00:00Z"));

    @Test
    @DisplayName("SEC-12 a notification round-trips through the codec and the cipher, and the ciphertext holds none of its text")
    void roundTrip() {
        PayloadCipher cipher = new PayloadCipher(KeyRing.of(Map.of(1, KEY_1), 1));
        byte[] sealed = cipher.encrypt("id-1", NotificationCodec.encode(RESET, false));
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("the-code").doesNotContain("ann@example.org");
        NotificationCodec.Decoded back = NotificationCodec.decode(cipher.decrypt("id-1", sealed));
        assertThat(back.notification()).usingRecursiveComparison().isEqualTo(RESET);
        assertThat(back.decoy()).isFalse();
    }

    @Test
    @DisplayName("SEC-31 payloads are padded to one size class, whatever the lengths of address and username")
    void sizeClass() {
        Notification shorter = new Notification("id-2", MessageKind.PASSWORD_RESET, "a@b.c", Locale.ENGLISH, "x", "c", "c", null);
        assertThat(NotificationCodec.encode(shorter, true)).hasSameSizeAs(NotificationCodec.encode(RESET, false))
                .hasSize(NotificationCodec.BLOCK);
    }

    @Test
    @DisplayName("SEC-26 a payload sealed under an older key version opens after rotation")
    void rotation() {
        byte[] sealed = new PayloadCipher(KeyRing.of(Map.of(1, KEY_1), 1)).encrypt("id-1", NotificationCodec.encode(RESET, false));
        PayloadCipher rotated = new PayloadCipher(KeyRing.of(Map.of(1, KEY_1, 2, KEY_2), 2));
        assertThat(NotificationCodec.decode(rotated.decrypt("id-1", sealed)).notification().code()).isEqualTo("the-code");
        assertThat(Arrays.copyOf(rotated.encrypt("id-1", new byte[1]), 4)).containsExactly(0, 0, 0, 2);
    }

    @Test
    @DisplayName("SEC-12 a tampered payload, another record's payload, a removed key version: refused with a clear error")
    void refusals() {
        PayloadCipher cipher = new PayloadCipher(KeyRing.of(Map.of(1, KEY_1), 1));
        byte[] sealed = cipher.encrypt("id-1", NotificationCodec.encode(RESET, false));
        byte[] tampered = sealed.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt("id-1", tampered)).isInstanceOf(PayloadCipher.UndecryptablePayload.class)
                .hasMessageContaining("does not decrypt");
        assertThatThrownBy(() -> cipher.decrypt("id-2", sealed)).isInstanceOf(PayloadCipher.UndecryptablePayload.class);
        assertThatThrownBy(() -> new PayloadCipher(KeyRing.of(Map.of(2, KEY_2), 2)).decrypt("id-1", sealed))
                .isInstanceOf(PayloadCipher.UndecryptablePayload.class).hasMessageContaining("version 1 is not in the key ring");
        assertThatThrownBy(() -> cipher.decrypt("id-1", new byte[3])).isInstanceOf(PayloadCipher.UndecryptablePayload.class);
    }

    @Test
    @DisplayName("SEC-26 the AES key is derived from the ring key, never the ring key itself")
    void derivedKey() throws Exception {
        PayloadCipher cipher = new PayloadCipher(KeyRing.of(Map.of(1, KEY_1), 1));
        byte[] sealed = cipher.encrypt("id-1", NotificationCodec.encode(RESET, false));
        javax.crypto.Cipher raw = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        raw.init(javax.crypto.Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(KEY_1, "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, Arrays.copyOfRange(sealed, 4, 16)));
        raw.updateAAD("id-1".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> raw.doFinal(sealed, 16, sealed.length - 16)).isInstanceOf(javax.crypto.AEADBadTagException.class);
    }

    private static byte[] filled(int b) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) b);
        return k;
    }
}
