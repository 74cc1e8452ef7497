package dev.userkit;

import dev.userkit.config.Settings;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned server keys (SEC-26) for the short-code HMAC and the optional password pepper, and the
 * root of the keys derived per purpose ({@link #derivedKey}: outbox encryption, access-token signing).
 * New values use the current version; older versions stay for verifying. Keys never reach a
 * store or a log ({@link #toString()} prints versions only).
 *
 * <p>From outside ({@link #from(Settings, String)}), a ring is written as comma-separated
 * {@code VERSION:BASE64} entries, e.g. {@code USERKIT_KEYS=2:q2Vy...,1:c2Vj...}: positive whole
 * versions, each key standard base64 of at least 32 bytes ({@code openssl rand -base64 32}); the
 * highest version is the current one, whatever the order. To rotate, add a higher version and
 * keep the old ones until what they protect has expired.
 */
public final class KeyRing {
    private static final Logger LOG = LoggerFactory.getLogger(KeyRing.class);
    private final Map<Integer, byte[]> keys;
    private final int current;
    private final boolean ephemeral;

    private KeyRing(Map<Integer, byte[]> keys, int current, boolean ephemeral) {
        this.keys = keys;
        this.current = current;
        this.ephemeral = ephemeral;
    }

    /**
     * A ring from versioned keys of at least 32 bytes each; {@code current} must be one of the versions.
     *
     * @param keys the keys by version
     * @param current the version new values are made with
     * @return the ring
     */
    public static KeyRing of(Map<Integer, byte[]> keys, int current) {
        Objects.requireNonNull(keys, "keys");
        TreeMap<Integer, byte[]> copy = new TreeMap<>();
        keys.forEach((version, key) -> {
            if (key == null || key.length < 32) throw new IllegalArgumentException("Key version " + version + " is shorter than 32 bytes");
            copy.put(version, key.clone());
        });
        if (!copy.containsKey(current)) throw new IllegalArgumentException("No key for the current version " + current);
        return new KeyRing(Collections.unmodifiableMap(copy), current, false);
    }

    /**
     * The ring in a setting, in the format described above.
     *
     * @param settings where to look
     * @param name the setting, e.g. {@code USERKIT_KEYS}
     * @return the ring; empty when the setting is absent or blank
     * @throws dev.userkit.config.ConfigException naming the setting (never showing a key) if it is malformed
     */
    public static Optional<KeyRing> from(Settings settings, String name) {
        return settings.secret(name, KeyRing::parse);
    }

    private static KeyRing parse(String text) {
        TreeMap<Integer, byte[]> keys = new TreeMap<>();
        String[] entries = text.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            int colon = entry.indexOf(':');
            int version = colon > 0 ? version(entry.substring(0, colon).strip()) : -1;
            if (version < 1) throw new IllegalArgumentException("a key ring: entry " + (i + 1) + " is not VERSION:BASE64 with a positive version");
            byte[] key = base64(entry.substring(colon + 1).strip(), version);
            if (keys.put(version, key) != null) throw new IllegalArgumentException("a key ring: version " + version + " appears twice");
        }
        return of(keys, keys.lastKey());
    }

    private static int version(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static byte[] base64(String text, int version) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            // the decoder's message quotes the offending character: part of the secret
            throw new IllegalArgumentException("a key ring: the key of version " + version + " is not standard base64");
        }
        if (key.length < 32) throw new IllegalArgumentException("a key ring: the key of version " + version + " is shorter than 32 bytes");
        return key;
    }

    /**
     * A random single-version ring that lives only in this process: short codes sent before a
     * restart stop working. Fine for tests and the demo; logs a warning.
     *
     * @return a new random ring
     */
    public static KeyRing ephemeral() {
        LOG.warn("UserKit: no server key ring configured (USERKIT_KEYS or UserKitConfig.Builder.keyRing); using an ephemeral random key"
                + " (SMS codes do not survive a restart; USERKIT_REQUIRE_KEY_RING=true refuses to start instead)");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new KeyRing(Map.of(1, key), 1, true);
    }

    /**
     * Whether this ring came from {@link #ephemeral()}.
     *
     * @return true for a random ring that is lost with the process
     */
    public boolean isEphemeral() { return ephemeral; }

    /**
     * The version new values are made with.
     *
     * @return the number of the current key
     */
    public int currentVersion() { return current; }

    /**
     * A copy of the key of this version; {@link IllegalArgumentException} if unknown.
     *
     * @param version one of {@link #versions()}
     * @return a copy of that version's key
     */
    public byte[] key(int version) {
        byte[] k = keys.get(version);
        if (k == null) throw new IllegalArgumentException("Unknown key version " + version);
        return k.clone();
    }

    /**
     * A key for one purpose derived from this version's key: HMAC-SHA256(ring key, purpose). Each
     * use of the ring (outbox encryption, access-token signing) takes its own purpose string, so no
     * two uses ever share a key and none uses the ring key, which also keys the short-code HMAC,
     * directly. {@link IllegalArgumentException} if the version is unknown.
     *
     * @param version one of {@link #versions()}
     * @param purpose what the key is for, fixed per use and versioned, e.g. {@code "userkit outbox v1"}
     * @return 32 bytes, the same for the same version and purpose
     */
    public byte[] derivedKey(int version, String purpose) {
        Objects.requireNonNull(purpose, "purpose");
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key(version), "HmacSHA256"));
            return hmac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * All versions, newest first is not implied: ascending.
     *
     * @return every version in the ring
     */
    public java.util.Set<Integer> versions() { return keys.keySet(); }

    @Override
    public String toString() {
        return "KeyRing[versions=" + keys.keySet() + ", current=" + current + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof KeyRing k) || k.current != current || !k.keys.keySet().equals(keys.keySet())) return false;
        return keys.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), k.keys.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return Objects.hash(current, keys.keySet());
    }
}
