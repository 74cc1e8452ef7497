package dev.userkit.http;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import dev.userkit.KeyRing;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The key material of the access tokens (S9) under one {@link AccessTokenSettings}: the signer of
 * new tokens and its {@code kid}, the keys a presented token may verify under (by {@code kid}), and
 * what may be published. HS256 keys are derived from the ring per version for this purpose alone
 * ({@value #PURPOSE}), never the ring keys themselves; their {@code kid} is the version.
 *
 * @param algorithm the one algorithm of every key here
 * @param signer signs new tokens
 * @param keyId the {@code kid} of new tokens
 * @param verificationKeys every key a presented token may name; secret keys for HS256, only the public key for ES256
 * @param published what {@code GET /jwks.json} serves: the public key for ES256, empty for HS256
 */
record AccessTokenKeys(JWSAlgorithm algorithm, JWSSigner signer, String keyId, JWKSet verificationKeys, JWKSet published) {
    /** The purpose the HS256 keys are derived for; a new derivation scheme takes a new version here. */
    static final String PURPOSE = "userkit access token v1";

    static AccessTokenKeys of(AccessTokenSettings settings) {
        try {
            return settings.algorithm() == AccessTokenSettings.Algorithm.HS256 ? fromRing(settings.keyRing()) : fromKeyPair(settings);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("accessTokens: the signing key is not usable: " + e.getMessage(), e);
        }
    }

    private static AccessTokenKeys fromRing(KeyRing ring) throws JOSEException {
        List<JWK> keys = new ArrayList<>();
        for (int version : ring.versions()) {
            keys.add(new OctetSequenceKey.Builder(ring.derivedKey(version, PURPOSE)).keyID(Integer.toString(version))
                    .algorithm(JWSAlgorithm.HS256).keyUse(KeyUse.SIGNATURE).build());
        }
        int current = ring.currentVersion();
        return new AccessTokenKeys(JWSAlgorithm.HS256, new MACSigner(ring.derivedKey(current, PURPOSE)), Integer.toString(current),
                new JWKSet(keys), new JWKSet());
    }

    private static AccessTokenKeys fromKeyPair(AccessTokenSettings settings) throws JOSEException {
        ECPrivateKey privateKey = (ECPrivateKey) settings.keyPair().getPrivate();
        ECKey publicKey = new ECKey.Builder(Curve.P_256, (ECPublicKey) settings.keyPair().getPublic()).keyID(settings.keyId())
                .algorithm(JWSAlgorithm.ES256).keyUse(KeyUse.SIGNATURE).build();
        JWKSet keys = new JWKSet(publicKey);
        return new AccessTokenKeys(JWSAlgorithm.ES256, new ECDSASigner(privateKey), settings.keyId(), keys, keys);
    }
}
