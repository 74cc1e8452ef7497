package dev.userkit;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned server keys (SEC-26) for the short-code HMAC and the optional password pepper.
 * New values use the current version; older versions stay for verifying. Keys never reach a
 * store or a log ({@link #toString()} prints versions only).
 */
public final class KeyRing {
    private static final Logger LOG = LoggerFactory.getLogger(KeyRing.class);
    private final Map<Integer, byte[]> keys;
    private final int current;

    private KeyRing(Map<Integer, byte[]> keys, int current) {
        this.keys = keys;
        this.current = current;
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
        return new KeyRing(Collections.unmodifiableMap(copy), current);
    }

    /**
     * A random single-version ring that lives only in this process: short codes sent before a
     * restart stop working. Fine for tests and the demo; logs a warning.
     *
     * @return a new random ring
     */
    public static KeyRing ephemeral() {
        LOG.warn("UserKit: no server key ring configured; using an ephemeral random key (SMS codes do not survive a restart)");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new KeyRing(Map.of(1, key), 1);
    }

    /**
     * The version new values are made with.
     *
     * @return the current version
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
