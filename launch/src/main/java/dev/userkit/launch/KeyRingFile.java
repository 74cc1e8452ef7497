package dev.userkit.launch;

import dev.userkit.KeyRing;
import dev.userkit.UserKitConfig;
import dev.userkit.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The server key ring (SEC-26) kept in the data folder when {@code USERKIT_KEYS} is not set: made
 * of 32 random bytes on first start, in a file only its owner can read or write (0600), and read on
 * every later start, so outbox messages and short codes made before a restart still open after it.
 * Instances that share one store share one ring: give them the same {@code USERKIT_KEYS} or data folder.
 * The file holds {@code USERKIT_KEYS}'s format ({@code VERSION:BASE64}, comma-separated; the highest
 * version is the current one), so a rotated ring keeps its older keys for what they protect.
 */
public final class KeyRingFile {
    /** The file's name in the data folder. */
    public static final String NAME = "keyring";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyRingFile() {}

    /**
     * The ring in {@code dataDir}, created there first if absent.
     *
     * @param dataDir the data folder
     * @return the ring
     * @throws UncheckedIOException naming the file if it cannot be read or created
     */
    public static KeyRing loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(NAME);
        try {
            if (!Files.exists(file)) createOnce(file);
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key ring file " + file, e);
        }
    }

    /**
     * Writes a new one-version ring to {@code file} (mode 0600). The file appears whole or not at
     * all: the ring is written next to it and moved into place.
     *
     * @param file where to write
     * @param replace whether an existing file is replaced (its keys are lost: what they protect no longer opens)
     * @return the new ring
     * @throws UncheckedIOException wrapping {@link FileAlreadyExistsException} if the file exists and
     *         {@code replace} is false, or naming the file if it cannot be written
     */
    public static KeyRing generate(Path file, boolean replace) {
        try {
            if (!replace && Files.exists(file)) throw new FileAlreadyExistsException(file.toString(), null, "the key ring file exists");
            writeWhole(file, Map.of(1, randomKey()));
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the key ring file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Adds a new random key under the next version, which becomes the current one; the older keys
     * stay for opening what they protect. Written whole, as {@link #generate}.
     *
     * @param file the existing ring
     * @return the rotated ring
     * @throws UncheckedIOException naming the file if it cannot be read or written
     */
    public static KeyRing rotate(Path file) {
        try {
            KeyRing ring = read(file);
            Map<Integer, byte[]> keys = new TreeMap<>();
            for (int v : ring.versions()) keys.put(v, ring.key(v));
            keys.put(Collections.max(ring.versions()) + 1, randomKey());
            writeWhole(file, keys);
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rotate the key ring file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The ring in an existing file, changing nothing.
     *
     * @param file the key ring file
     * @return the ring
     * @throws UncheckedIOException naming the file if it cannot be read
     */
    public static KeyRing load(Path file) {
        try {
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the key ring file " + file, e);
        }
    }

    private static KeyRing read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        return KeyRing.from(Settings.of(Map.of(UserKitConfig.KEYS, text)), UserKitConfig.KEYS)
                .orElseThrow(() -> new IllegalStateException("The key ring file " + file + " is empty"));
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    private static String format(Map<Integer, byte[]> keys) {
        return keys.entrySet().stream().map(e -> e.getKey() + ":" + Base64.getEncoder().encodeToString(e.getValue()))
                .collect(Collectors.joining(",")) + "\n";
    }

    private static void createOnce(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException raced) {
            return; // another instance on this folder made it first: use that one
        }
        // written after the file exists with its final permissions, so the key is never readable by others
        Files.writeString(file, format(Map.of(1, randomKey())), StandardCharsets.US_ASCII);
    }

    private static void writeWhole(Path file, Map<Integer, byte[]> keys) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".keyring", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            Files.writeString(temp, format(keys), StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
