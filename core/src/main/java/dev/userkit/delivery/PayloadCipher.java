package dev.userkit.delivery;

import dev.userkit.KeyRing;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts outbox payloads at rest (SEC-12, SEC-26): AES-256-GCM with a random 96-bit nonce and the
 * record id as associated data, so a payload moved onto another record does not decrypt. The key
 * is derived per key-ring version as HMAC-SHA256(ring key, "userkit outbox v1") ({@link KeyRing#derivedKey}): the ring key
 * itself also keys the short-code HMAC and must never be used directly as an AES key. The
 * ciphertext names its key version, so a message queued before a rotation still decrypts after it.
 *
 * <p>Layout: version (4 bytes, big-endian), nonce (12 bytes), ciphertext with its 16-byte tag.
 */
public final class PayloadCipher {
    private static final String PURPOSE = "userkit outbox v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER_BYTES = Integer.BYTES + NONCE_BYTES;
    private final KeyRing ring;
    private final SecureRandom random = new SecureRandom();

    /**
     * A cipher under this ring: new payloads use its current version.
     *
     * @param ring the server key ring
     */
    public PayloadCipher(KeyRing ring) {
        this.ring = ring;
    }

    /**
     * Encrypts a payload for one record.
     *
     * @param recordId the outbox record's id, bound as associated data
     * @param plaintext the encoded notification
     * @return version, nonce and ciphertext
     */
    public byte[] encrypt(String recordId, byte[] plaintext) {
        int version = ring.currentVersion();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher aes = cipher(Cipher.ENCRYPT_MODE, version, nonce, recordId);
            ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + aes.getOutputSize(plaintext.length));
            out.putInt(version).put(nonce).put(aes.doFinal(plaintext));
            return out.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Decrypts a payload of one record.
     *
     * @param recordId the record's id, which must be the one it was encrypted for
     * @param payload what {@link #encrypt} made
     * @return the plaintext
     * @throws UndecryptablePayload if the payload is short, names a key version the ring does not
     *         hold, or fails authentication (tampered, moved, or another key)
     */
    public byte[] decrypt(String recordId, byte[] payload) {
        if (payload == null || payload.length < HEADER_BYTES + TAG_BITS / 8) throw new UndecryptablePayload("payload is missing or truncated");
        ByteBuffer in = ByteBuffer.wrap(payload);
        int version = in.getInt();
        if (!ring.versions().contains(version)) throw new UndecryptablePayload("payload key version " + version + " is not in the key ring");
        byte[] nonce = new byte[NONCE_BYTES];
        in.get(nonce);
        try {
            return cipher(Cipher.DECRYPT_MODE, version, nonce, recordId).doFinal(payload, HEADER_BYTES, payload.length - HEADER_BYTES);
        } catch (GeneralSecurityException e) {
            throw new UndecryptablePayload("payload does not decrypt under key version " + version + " (tampered, or not this record's)");
        }
    }

    private Cipher cipher(int mode, int version, byte[] nonce, String recordId) throws GeneralSecurityException {
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(mode, new SecretKeySpec(ring.derivedKey(version, PURPOSE), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        aes.updateAAD(recordId.getBytes(StandardCharsets.UTF_8));
        return aes;
    }

    /** A payload that cannot be read: the message it held is dead, the sender goes on. */
    public static final class UndecryptablePayload extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UndecryptablePayload(String message) {
            super(message);
        }
    }
}
