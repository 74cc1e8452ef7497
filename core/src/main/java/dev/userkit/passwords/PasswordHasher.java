package dev.userkit.passwords;

import com.password4j.Argon2Function;
import com.password4j.BcryptFunction;
import com.password4j.CompressedPBKDF2Function;
import com.password4j.HashingFunction;
import com.password4j.Password;
import com.password4j.ScryptFunction;
import com.password4j.types.Argon2;
import dev.userkit.ErrorCode;
import dev.userkit.KeyRing;
import dev.userkit.PasswordHashing;
import dev.userkit.StoreException;
import dev.userkit.UserKitException;
import dev.userkit.crypto.Secrets;
import dev.userkit.domain.Limits;
import java.text.Normalizer;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Hashes and verifies passwords with Password4j (SEC-02, SEC-04, SEC-05, REL-6). Passwords are
 * NFKC-normalised on both paths, except against the foreign encodings of {@link ImportedHashFormats},
 * whose systems hashed the password as typed (the re-hash after such a login is normalised).
 * Verification builds the function from the stored hash itself (Password4j's
 * {@code check(...).withArgon2()} would use its property-file defaults). At most
 * {@code maxConcurrent} hashes run at once, so a login storm cannot exhaust memory.
 *
 * <p>With a pepper ring (SEC-04) the password is first turned into HMAC-SHA256(pepper, password)
 * and the stored hash is prefixed with the pepper's version ({@code $userkit-pepper$v=N}), so a
 * leaked store alone cannot be attacked offline, and rotating the pepper re-hashes at next login.
 */
public final class PasswordHasher {
    // Password4j's compressed PBKDF2 form: $<hmac code>$<packed iterations and length>$<salt>$<hash>
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x21-\\x7E]{1," + Limits.PASSWORD_HASH + "}");
    private static final Pattern PBKDF2 = Pattern.compile("\\$[1-9]\\$[0-9]+\\$[^$]+\\$[^$]+");
    // scrypt: $<hex log2(N) r p>$<salt>$<hash>, optionally behind the "$s0" marker of the lambdaworks/WildFly form
    private static final Pattern SCRYPT = Pattern.compile("(\\$s0)?\\$[0-9a-f]{5,}\\$[^$]+\\$[^$]+");
    private static final String PEPPER_PREFIX = "$userkit-pepper$v=";
    private final Argon2Function current;
    private final PasswordHashing params;
    private final KeyRing pepper;
    private final Semaphore permits;
    private final int maxConcurrent;
    private final String dummyHash;

    /**
     * A hasher for the given parameters, without a pepper.
     *
     * @param params the Argon2id parameters of new hashes
     * @param maxConcurrent how many hashes may be computed at once (REL-6)
     */
    public PasswordHasher(PasswordHashing params, int maxConcurrent) {
        this(params, maxConcurrent, null);
    }

    /**
     * A hasher for the given parameters and an optional pepper ring (null: no pepper).
     *
     * @param params the Argon2id parameters of new hashes
     * @param maxConcurrent how many hashes may be computed at once (REL-6)
     * @param pepper the pepper ring, or null
     */
    public PasswordHasher(PasswordHashing params, int maxConcurrent, KeyRing pepper) {
        this.params = params;
        this.pepper = pepper;
        this.current = Argon2Function.getInstance(params.memoryKiB(), params.iterations(), params.parallelism(), 32, Argon2.ID, 19);
        this.permits = new Semaphore(maxConcurrent, true);
        this.maxConcurrent = maxConcurrent;
        this.dummyHash = hash("userkit timing parity dummy password");
    }

    /**
     * How many hashes or verifications hold a permit now (REL-6): at most {@code maxConcurrent};
     * callers beyond that wait. A gauge's reading, not a count to decide on.
     *
     * @return the hashes in flight
     */
    public int inFlight() {
        return maxConcurrent - permits.availablePermits();
    }

    /** The outcome of a verification. */
    public record Verification(boolean matches, boolean needsRehash) {}

    /**
     * Hashes a password with the current parameters.
     *
     * @param password the password
     * @return the encoded hash
     */
    public String hash(String password) {
        String input = normalise(password);
        if (pepper == null) return bounded(() -> Password.hash(input).addRandomSalt(16).with(current).getResult());
        int version = pepper.currentVersion();
        String peppered = Secrets.hmac(pepper.key(version), input);
        return PEPPER_PREFIX + version + bounded(() -> Password.hash(peppered).addRandomSalt(16).with(current).getResult());
    }

    /**
     * Verifies a password against a stored hash in any supported format; a hash in an unknown
     * format never matches. {@code needsRehash} is true when the hash is not Argon2id with the
     * current parameters.
     *
     * @param password the password as entered
     * @param storedHash the encoded hash the store holds
     * @return whether it matches and whether a re-hash is due
     */
    public Verification verify(String password, String storedHash) {
        String normalised = normalise(password);
        Integer pepperVersion = pepperVersion(storedHash);
        String bareHash = pepperVersion == null ? storedHash : storedHash.substring(storedHash.indexOf('$', PEPPER_PREFIX.length()));
        Parsed p = parse(bareHash);
        if (p == null) return new Verification(false, false);
        String input = normalised;
        if (pepperVersion != null) {
            if (pepper == null || !pepper.versions().contains(pepperVersion)) return new Verification(false, false);
            input = Secrets.hmac(pepper.key(pepperVersion), normalised);
        }
        // foreign systems hashed the password as typed; only this hasher's own forms see it normalised
        String checked = p.rawInput() && pepperVersion == null ? password : input;
        boolean ok = bounded(() -> p.check().test(checked));
        boolean pepperCurrent = pepper == null ? pepperVersion == null : Integer.valueOf(pepper.currentVersion()).equals(pepperVersion);
        return new Verification(ok, ok && !(isCurrent(p.function()) && pepperCurrent));
    }

    // The pepper version a stored hash was made with, or null for an unpeppered hash.
    private static Integer pepperVersion(String storedHash) {
        if (storedHash == null || !storedHash.startsWith(PEPPER_PREFIX)) return null;
        int end = storedHash.indexOf('$', PEPPER_PREFIX.length());
        try {
            return end < 0 ? null : Integer.valueOf(storedHash.substring(PEPPER_PREFIX.length(), end));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Spends one verification on a fixed dummy hash, so an unknown user costs what a known one does (SEC-08).
     *
     * @param password the password as entered
     */
    public void verifyDummy(String password) {
        verify(password, dummyHash);
    }

    /**
     * Whether this encoded hash is in a format this hasher can verify (A17). Every supported
     * encoding is printable ASCII of at most {@link Limits#PASSWORD_HASH} characters; anything
     * else (a NUL, which PostgreSQL cannot store, other text, megabytes) is refused before parsing.
     *
     * @param storedHash an encoded hash from another system
     * @return true if it can be verified
     */
    public boolean supports(String storedHash) {
        return storedHash != null && PRINTABLE_ASCII.matcher(storedHash).matches()
                && pepperVersion(storedHash) == null && parse(storedHash) != null;
    }

    private boolean isCurrent(HashingFunction f) {
        return f instanceof Argon2Function a && a.getVariant() == Argon2.ID && a.getMemory() == params.memoryKiB()
                && a.getIterations() == params.iterations() && a.getParallelism() == params.parallelism();
    }

    /**
     * A stored hash: the function it was made with, the check of a password against it, and whether
     * that check takes the password as typed (foreign encodings) rather than normalised.
     */
    private record Parsed(HashingFunction function, Predicate<String> check, boolean rawInput) {
        static Parsed encoded(HashingFunction function, String hash) {
            return new Parsed(function, password -> function.check(password, hash), false);
        }
    }

    /**
     * The function for a stored hash (A17): Argon2 (PHC), bcrypt ($2a/$2b/$2y), Password4j's
     * compressed PBKDF2 and scrypt ($e0801$... or $s0$e0801$...), and the PHC, passlib and Django
     * PBKDF2 and PHC scrypt encodings of {@link ImportedHashFormats}. Anything else is null.
     */
    private static Parsed parse(String hash) {
        if (hash == null) return null;
        try {
            if (hash.startsWith("$argon2")) return Parsed.encoded(Argon2Function.getInstanceFromHash(hash), hash);
            if (hash.startsWith("$2a$") || hash.startsWith("$2b$") || hash.startsWith("$2y$")) {
                return Parsed.encoded(BcryptFunction.getInstanceFromHash(hash), hash);
            }
            if (PBKDF2.matcher(hash).matches()) return Parsed.encoded(CompressedPBKDF2Function.getInstanceFromHash(hash), hash);
            if (SCRYPT.matcher(hash).matches()) {
                String bare = hash.startsWith("$s0$") ? hash.substring(3) : hash;
                return Parsed.encoded(ScryptFunction.getInstanceFromHash(bare), bare);
            }
        } catch (RuntimeException e) {
            // a hash that looks like a known format but does not parse is unsupported, not a crash
            return null;
        }
        ImportedHashFormats.ImportedHash imported = ImportedHashFormats.parse(hash);
        return imported == null ? null : new Parsed(imported.function(), imported::matches, true);
    }

    private static String normalise(String password) {
        if (password == null) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "Password is required");
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    private <T> T bounded(java.util.function.Supplier<T> work) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting to hash a password", e);
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

}
