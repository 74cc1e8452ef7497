package dev.userkit.http;

import dev.userkit.KeyRing;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Signed access tokens (S9), off unless {@link HttpSettings.Builder#accessTokens} sets these: how
 * {@code POST /token} signs them and how the {@link AuthenticationFilter} checks them. A token is
 * signed with exactly one algorithm, the one chosen here; a token naming any other is refused.
 *
 * <ul>
 *   <li>{@link Algorithm#HS256} ({@link #hs256}): keyed from the server key ring, one key per ring
 *       version derived for this purpose only ({@link KeyRing#derivedKey}), its version the token's
 *       {@code kid}; a token signed under an older version verifies while that version is in the ring.</li>
 *   <li>{@link Algorithm#ES256} ({@link #es256}): an EC P-256 key pair of the application's, whose
 *       public half is served at {@code GET <basePath>/jwks.json} for other services to verify with.</li>
 * </ul>
 *
 * @param algorithm the one algorithm tokens are signed and accepted with
 * @param keyRing for HS256, the kit's key ring ({@code UserKitConfig.keyRing()}); null for ES256
 * @param keyPair for ES256, the P-256 key pair; null for HS256
 * @param keyId for ES256, the {@code kid} of the key pair; null for HS256 (the ring version is the {@code kid})
 * @param lifetime how long a token is valid (default 5 minutes, umpack's {@code accessTokenExpiresIn}; 10 s to 1 day):
 *                 also how long a revoked session's last token can still be used
 * @param issuer the {@code iss} claim made and required (default {@code userkit})
 * @param audience the {@code aud} claim made and required, or null (the default) for none
 * @param clockSkew how far the verifier's clock may be off the issuer's for {@code exp} and {@code nbf} (default 30 s; 0 to 5 min)
 * @param clock the clock tokens are made and checked by (default the system's UTC clock; give the kit's own)
 */
public record AccessTokenSettings(Algorithm algorithm, KeyRing keyRing, KeyPair keyPair, String keyId, Duration lifetime,
                                  String issuer, String audience, Duration clockSkew, Clock clock) {
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern CLAIM = Pattern.compile("[\\x21-\\x7e]{1,256}");

    /** The signing algorithms a configuration can choose. */
    public enum Algorithm {
        /** HMAC-SHA256 under a key derived from the server key ring. */
        HS256,
        /** ECDSA on P-256 with SHA-256 under the application's key pair; the public key is published. */
        ES256
    }

    /**
     * Checks every value.
     *
     * @param algorithm see {@link #algorithm()}
     * @param keyRing see {@link #keyRing()}
     * @param keyPair see {@link #keyPair()}
     * @param keyId see {@link #keyId()}
     * @param lifetime see {@link #lifetime()}
     * @param issuer see {@link #issuer()}
     * @param audience see {@link #audience()}
     * @param clockSkew see {@link #clockSkew()}
     * @param clock see {@link #clock()}
     * @throws IllegalArgumentException naming the setting that is malformed
     */
    public AccessTokenSettings {
        Objects.requireNonNull(algorithm, "algorithm");
        if (algorithm == Algorithm.HS256) {
            Objects.requireNonNull(keyRing, "keyRing");
            if (keyPair != null || keyId != null) throw new IllegalArgumentException("accessTokens: HS256 takes the key ring, not a key pair or keyId");
        } else {
            if (keyRing != null) throw new IllegalArgumentException("accessTokens: ES256 takes a key pair, not the key ring");
            checkP256(keyPair);
            if (keyId == null || !KEY_ID.matcher(keyId).matches()) throw new IllegalArgumentException("accessTokens: keyId must be 1-64 of [A-Za-z0-9._-]: " + keyId);
        }
        if (lifetime == null || lifetime.compareTo(Duration.ofSeconds(10)) < 0 || lifetime.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("accessTokens: lifetime must be 10 seconds to 1 day: " + lifetime);
        }
        if (issuer == null || !CLAIM.matcher(issuer).matches()) throw new IllegalArgumentException("accessTokens: issuer must be 1-256 printable ASCII characters: " + issuer);
        if (audience != null && !CLAIM.matcher(audience).matches()) throw new IllegalArgumentException("accessTokens: audience must be 1-256 printable ASCII characters: " + audience);
        if (clockSkew == null || clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("accessTokens: clockSkew must be 0 to 5 minutes: " + clockSkew);
        }
        Objects.requireNonNull(clock, "clock");
    }

    private static void checkP256(KeyPair pair) {
        if (pair == null || !(pair.getPublic() instanceof ECPublicKey pub) || !(pair.getPrivate() instanceof ECPrivateKey)
                || pub.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new IllegalArgumentException("accessTokens: ES256 needs an EC key pair on P-256 (secp256r1)");
        }
    }

    /**
     * HS256 tokens keyed from the kit's key ring, with every other setting at its default.
     *
     * @param keyRing the ring the kit was configured with ({@code UserKitConfig.keyRing()})
     * @return a builder
     */
    public static Builder hs256(KeyRing keyRing) {
        return new Builder(Algorithm.HS256, keyRing, null, null);
    }

    /**
     * ES256 tokens signed with this key pair, with every other setting at its default.
     *
     * @param keyPair an EC key pair on P-256, from the application's secret store
     * @param keyId the {@code kid} tokens and the JWKS name it by
     * @return a builder
     */
    public static Builder es256(KeyPair keyPair, String keyId) {
        return new Builder(Algorithm.ES256, null, keyPair, keyId);
    }

    /** Builds {@link AccessTokenSettings}; each setter names the field it sets. */
    public static final class Builder {
        private final Algorithm algorithm;
        private final KeyRing keyRing;
        private final KeyPair keyPair;
        private final String keyId;
        private Duration lifetime = Duration.ofMinutes(5);
        private String issuer = "userkit";
        private String audience;
        private Duration clockSkew = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();

        private Builder(Algorithm algorithm, KeyRing keyRing, KeyPair keyPair, String keyId) {
            this.algorithm = algorithm;
            this.keyRing = keyRing;
            this.keyPair = keyPair;
            this.keyId = keyId;
        }

        /**
         * Sets {@link AccessTokenSettings#lifetime()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder lifetime(Duration v) { lifetime = v; return this; }

        /**
         * Sets {@link AccessTokenSettings#issuer()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder issuer(String v) { issuer = v; return this; }

        /**
         * Sets {@link AccessTokenSettings#audience()}.
         *
         * @param v the new value, or null for none
         * @return this builder
         */
        public Builder audience(String v) { audience = v; return this; }

        /**
         * Sets {@link AccessTokenSettings#clockSkew()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder clockSkew(Duration v) { clockSkew = v; return this; }

        /**
         * Sets {@link AccessTokenSettings#clock()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder clock(Clock v) { clock = v; return this; }

        /**
         * Checks and seals the settings.
         *
         * @return the settings
         * @throws IllegalArgumentException naming the setting that is malformed
         */
        public AccessTokenSettings build() {
            return new AccessTokenSettings(algorithm, keyRing, keyPair, keyId, lifetime, issuer, audience, clockSkew, clock);
        }
    }
}
