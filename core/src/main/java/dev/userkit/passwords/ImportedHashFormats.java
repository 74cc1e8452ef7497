package dev.userkit.passwords;

import com.password4j.HashingFunction;
import com.password4j.PBKDF2Function;
import com.password4j.ScryptFunction;
import com.password4j.types.Hmac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PBKDF2 and scrypt encodings other systems export (A17), beside Password4j's own forms:
 * <ul>
 *   <li>PHC PBKDF2 {@code $pbkdf2-sha256$i=<iterations>[,l=<bytes>]$<salt>$<hash>} (and {@code -sha512}),
 *       salt and hash in PHC base64 (standard alphabet, no padding), as written by e.g. RustCrypto;</li>
 *   <li>passlib PBKDF2 {@code $pbkdf2-sha256$<rounds>$<salt>$<hash>} (and {@code -sha512}), in passlib's
 *       adapted base64 ('.' instead of '+', no padding);</li>
 *   <li>Django {@code pbkdf2_sha256$<iterations>$<salt>$<hash>}: the salt is a plain string used as
 *       its UTF-8 bytes, the hash padded standard base64;</li>
 *   <li>PHC scrypt {@code $scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt>$<hash>} in PHC base64 (passlib, RustCrypto).</li>
 * </ul>
 * These encodings carry the raw salt and derived key, which Password4j's encoded-string check does
 * not read, so the key is recomputed with Password4j's function over the explicit salt and compared
 * in constant time. Parameters are bounded, so one imported hash cannot make a login take minutes
 * or gigabytes; a string outside the bounds is unsupported.
 */
final class ImportedHashFormats {
    private static final String B64 = "[A-Za-z0-9+/]+";
    private static final String AB64 = "[A-Za-z0-9./]+";
    private static final String COUNT = "([1-9][0-9]{0,8})";
    private static final Pattern PHC_PBKDF2 =
            Pattern.compile("\\$pbkdf2-(sha256|sha512)\\$i=" + COUNT + "(?:,l=([1-9][0-9]{0,2}))?\\$(" + B64 + ")\\$(" + B64 + ")");
    private static final Pattern PASSLIB_PBKDF2 =
            Pattern.compile("\\$pbkdf2-(sha256|sha512)\\$" + COUNT + "\\$(" + AB64 + ")\\$(" + AB64 + ")");
    private static final Pattern DJANGO_PBKDF2 = Pattern.compile("pbkdf2_sha256\\$" + COUNT + "\\$([^$]+)\\$(" + B64 + "={0,2})");
    private static final Pattern PHC_SCRYPT = Pattern.compile(
            "\\$scrypt\\$ln=([1-9][0-9]?),r=([1-9][0-9]{0,3}),p=([1-9][0-9]{0,2})\\$(" + B64 + ")\\$(" + B64 + ")");
    // above OWASP's 2023 PBKDF2-SHA256 advice (600 000) with room to spare, yet bounded
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final long MAX_SCRYPT_MEMORY = 1L << 30;
    private static final int MAX_SCRYPT_PARALLELISM = 16;
    // a shorter key would let a stranger's password match by chance; longer than SHA-512 is not seen in practice
    private static final int MIN_KEY_BYTES = 16;
    private static final int MAX_KEY_BYTES = 64;

    private ImportedHashFormats() {}

    /** A foreign hash: the function that derives its key, the salt it was derived with, and the key. */
    record ImportedHash(HashingFunction function, byte[] salt, byte[] key) {
        /**
         * Whether the password derives the same key. The systems these hashes come from hashed the
         * UTF-8 bytes of the password as typed, so the caller passes it un-normalised.
         */
        boolean matches(String password) {
            byte[] derived = function.hash(password.getBytes(StandardCharsets.UTF_8), salt).getBytes();
            return MessageDigest.isEqual(derived, key);
        }
    }

    /**
     * The parsed hash, or null when the string is in none of these encodings, or is malformed,
     * or its parameters are out of bounds.
     */
    static ImportedHash parse(String hash) {
        if (hash == null) return null;
        try {
            Matcher m = PHC_PBKDF2.matcher(hash);
            if (m.matches()) {
                byte[] key = phcBase64(m.group(5));
                if (m.group(3) != null && Integer.parseInt(m.group(3)) != key.length) return null;
                return pbkdf2(m.group(1), m.group(2), phcBase64(m.group(4)), key);
            }
            m = PASSLIB_PBKDF2.matcher(hash);
            if (m.matches()) return pbkdf2(m.group(1), m.group(2), adaptedBase64(m.group(3)), adaptedBase64(m.group(4)));
            m = DJANGO_PBKDF2.matcher(hash);
            if (m.matches()) {
                byte[] salt = m.group(2).getBytes(StandardCharsets.UTF_8);
                return pbkdf2("sha256", m.group(1), salt, Base64.getDecoder().decode(m.group(3)));
            }
            m = PHC_SCRYPT.matcher(hash);
            if (m.matches()) return scrypt(m.group(1), m.group(2), m.group(3), phcBase64(m.group(4)), phcBase64(m.group(5)));
        } catch (IllegalArgumentException e) {
            // bad base64 or parameters Password4j refuses: unsupported, not a crash
            return null;
        }
        return null;
    }

    private static ImportedHash pbkdf2(String digest, String iterationText, byte[] salt, byte[] key) {
        int iterations = Integer.parseInt(iterationText);
        if (iterations > MAX_ITERATIONS || !validSaltAndKey(salt, key)) return null;
        Hmac hmac = digest.equals("sha256") ? Hmac.SHA256 : Hmac.SHA512;
        return new ImportedHash(PBKDF2Function.getInstance(hmac, iterations, key.length * 8), salt, key);
    }

    private static ImportedHash scrypt(String log2N, String blockSize, String parallelism, byte[] salt, byte[] key) {
        int ln = Integer.parseInt(log2N);
        int r = Integer.parseInt(blockSize);
        int p = Integer.parseInt(parallelism);
        // scrypt's working memory is 128 * r * N bytes
        if (ln > 30 || (128L * r << ln) > MAX_SCRYPT_MEMORY || p > MAX_SCRYPT_PARALLELISM || !validSaltAndKey(salt, key)) {
            return null;
        }
        return new ImportedHash(ScryptFunction.getInstance(1 << ln, r, p, key.length), salt, key);
    }

    private static boolean validSaltAndKey(byte[] salt, byte[] key) {
        return salt.length > 0 && key.length >= MIN_KEY_BYTES && key.length <= MAX_KEY_BYTES;
    }

    // PHC base64 omits the padding; the JDK decoder accepts that, and rejects any other alphabet
    private static byte[] phcBase64(String text) {
        return Base64.getDecoder().decode(text);
    }

    private static byte[] adaptedBase64(String text) {
        return phcBase64(text.replace('.', '+'));
    }
}
