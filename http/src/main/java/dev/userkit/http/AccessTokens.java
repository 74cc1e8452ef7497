package dev.userkit.http;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.crypto.Secrets;
import dev.userkit.domain.Session;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.UserId;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes and checks the signed access tokens (S9) of one {@link AccessTokenSettings}, with Nimbus
 * JOSE+JWT and without any store: a token is accepted only when it is a JWS of type
 * {@value #TYPE_NAME} whose header names exactly the configured algorithm and a known {@code kid},
 * whose signature verifies under that key, and whose {@code iss} (and {@code aud}, when configured),
 * {@code exp} and {@code nbf} (within the clock skew) hold, with every claim it is made with present.
 * Refusals are 608 for a token that is only out of date, 607 for everything else; {@code alg: none}
 * and every other algorithm fail before any key is touched.
 */
final class AccessTokens {
    /** RFC 9068's media type of JWT access tokens, required in the header so that no other JWT of ours passes as one. */
    static final String TYPE_NAME = "at+jwt";
    private static final JOSEObjectType TYPE = new JOSEObjectType(TYPE_NAME);
    private static final Logger LOG = LoggerFactory.getLogger(AccessTokens.class);
    private static final String SESSION = "sid";
    private static final String ROLES = "roles";

    private final AccessTokenSettings settings;
    private final AccessTokenKeys keys;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    AccessTokens(AccessTokenSettings settings) {
        this.settings = settings;
        this.keys = AccessTokenKeys.of(settings);
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(TYPE));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(keys.algorithm(), new ImmutableJWKSet<>(keys.verificationKeys())));
        processor.setJWTClaimsSetVerifier(claimsVerifier(settings));
    }

    /** A new token, and how many seconds it lives. */
    record Issued(String token, long expiresIn) {}

    /** Whether a presented value has the shape of a JWS (three dot-separated parts), so it is never sent to the session store. */
    static boolean looksLikeJws(String value) {
        return value.chars().filter(c -> c == '.').count() == 2;
    }

    /** The keys {@code GET /jwks.json} serves: public only, and none for HS256. */
    AccessTokenKeys keys() {
        return keys;
    }

    /** A token for this session's user with these role names, made now. */
    Issued issue(Session session, List<String> roleNames) {
        Instant now = settings.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(session.userId().value().toString())
                .claim(SESSION, session.id().value().toString())
                .claim(ROLES, List.copyOf(roleNames))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(settings.lifetime())))
                .jwtID(Secrets.newToken())
                .issuer(settings.issuer());
        if (settings.audience() != null) claims.audience(settings.audience());
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(keys.algorithm()).keyID(keys.keyId()).type(TYPE).build(), claims.build());
        try {
            jwt.sign(keys.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("The access-token key failed to sign", e);
        }
        return new Issued(jwt.serialize(), settings.lifetime().toSeconds());
    }

    /**
     * The claims of a presented token that passes every check.
     *
     * @throws UserKitException 608 for a genuine token past its expiry, 607 for any other refusal
     */
    AccessToken verify(String value) {
        try {
            SignedJWT jwt = SignedJWT.parse(value);
            JWSHeader header = jwt.getHeader();
            // checked here too, before the processor, so that neither a foreign algorithm nor a missing kid ever picks a key
            if (!keys.algorithm().equals(header.getAlgorithm())) throw invalid("an algorithm other than " + keys.algorithm());
            if (header.getKeyID() == null || keys.verificationKeys().getKeyByKeyId(header.getKeyID()) == null) throw invalid("an unknown kid");
            return claims(processor.process(jwt, null));
        } catch (ExpiredJWTException e) {
            throw new UserKitException(ErrorCode.TOKEN_EXPIRED, "The access token has expired: get a new one from the session");
        } catch (BadJOSEException | JOSEException e) {
            // Nimbus's own fixed reasons ("Invalid signature", "JWT before use time"): never any of the token
            throw invalid(e.getMessage());
        } catch (ParseException e) {
            // its message may quote the token, which must stay out of the log
            throw invalid("a malformed token");
        }
    }

    private static AccessToken claims(JWTClaimsSet claims) throws ParseException {
        try {
            return new AccessToken(UserId.parse(claims.getSubject()), SessionId.parse(claims.getStringClaim(SESSION)),
                    new HashSet<>(claims.getStringListClaim(ROLES)), claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant(),
                    claims.getJWTID());
        } catch (UserKitException malformed) {
            // present (the verifier requires each) but not as we make it: refused like any bad token
            throw new ParseException("a malformed claim", 0);
        }
    }

    private static UserKitException invalid(String why) {
        LOG.debug("Access token refused: {}", why);
        return new UserKitException(ErrorCode.TOKEN_INVALID, "The access token is not valid");
    }

    private static DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier(AccessTokenSettings settings) {
        Set<String> audience = settings.audience() == null ? null : Set.of(settings.audience());
        Set<String> required = settings.audience() == null ? Set.of("sub", SESSION, ROLES, "iat", "exp", "jti")
                : Set.of("sub", SESSION, ROLES, "iat", "exp", "jti", "aud");
        Clock clock = settings.clock();
        DefaultJWTClaimsVerifier<SecurityContext> verifier = new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(settings.issuer()).build(), required, null) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        verifier.setMaxClockSkew((int) settings.clockSkew().toSeconds());
        return verifier;
    }
}
