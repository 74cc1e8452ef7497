package dev.userkit.server;

import dev.userkit.KeyRing;
import dev.userkit.UserKitConfig;
import dev.userkit.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * The server key ring (SEC-26) kept in the data folder when {@code USERKIT_KEYS} is not set: made
 * of 32 random bytes on first start, in a file only its owner can read or write (0600), and read on
 * every later start, so outbox messages and short codes made before a restart still open after it.
 * Instances that share one store share one ring: give them the same {@code USERKIT_KEYS} or data folder.
 */
final class KeyRingFile {
    static final String NAME = "keyring";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private KeyRingFile() {}

    /** The ring in {@code dataDir}, created there first if absent. */
    static KeyRing loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(NAME);
        try {
            if (!Files.exists(file)) create(file);
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return KeyRing.from(Settings.of(Map.of(UserKitConfig.KEYS, text)), UserKitConfig.KEYS)
                    .orElseThrow(() -> new IllegalStateException("The key ring file " + file + " is empty"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key ring file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String entry = "1:" + Base64.getEncoder().encodeToString(key) + "\n";
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException raced) {
            return; // another instance on this folder made it first: use that one
        }
        // written after the file exists with its final permissions, so the key is never readable by others
        Files.writeString(file, entry, StandardCharsets.US_ASCII);
    }
}
