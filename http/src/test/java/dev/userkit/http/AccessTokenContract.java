package dev.userkit.http;

import static dev.userkit.http.EdgeOnLoopback.assertError;
import static dev.userkit.http.EdgeOnLoopback.bearer;
import static dev.userkit.http.EdgeOnLoopback.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.userkit.KeyRing;
import dev.userkit.domain.Permission;
import dev.userkit.domain.UserId;
import dev.userkit.domain.Verb;
import dev.userkit.memory.InMemoryStores;
import dev.userkit.spi.Stores;
import dev.userkit.testkit.TestKeys;
import jakarta.servlet.ServletContainerInitializer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Signed access tokens (S9, SEC-30's JWT sentences) over real HTTP on loopback, in whichever
 * container {@link #container()} gives. Five web applications over one kit ({@link EdgeWorld}'s
 * users and roles): the root signs HS256 under ring version 1, {@code /r12} under a ring of
 * versions 1 and 2 (current 2), {@code /r2} under version 2 alone, {@code /es} signs ES256 with an
 * issuer and an audience, {@code /off} has access tokens off, and {@code /dev} signs HS256 over
 * the device-control kit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccessTokenContract {
    private static final byte[] KEY_2 = "second-test-key-for-rotation-0123".getBytes(StandardCharsets.UTF_8);
    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final String ES_KID = "es-2026";
    private static final String ISSUER = "https://id.example.com";
    private static final String AUDIENCE = "orders-api";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final EdgeWorld world = new EdgeWorld(this::stores);
    private final KeyPair esKeys = p256();
    private ServletContainer container;
    private String base;

    /** The container under test. */
    abstract ServletContainer container();

    /**
     * The stores of each kit under the edge (in memory unless a subclass says otherwise); called
     * while the test instance is built, so an override must not read its own fields.
     */
    protected Stores stores() {
        return InMemoryStores.create();
    }

    @BeforeAll
    void start() throws Exception {
        KeyRing ring12 = KeyRing.of(Map.of(1, TestKeys.RING.key(1), 2, KEY_2), 2);
        KeyRing ring2 = KeyRing.of(Map.of(2, KEY_2), 2);
        Map<String, ServletContainerInitializer> contexts = Map.of(
                "", edge(AccessTokenSettings.hs256(TestKeys.RING).clock(world.clock).build()),
                "/r12", edge(AccessTokenSettings.hs256(ring12).clock(world.clock).build()),
                "/r2", edge(AccessTokenSettings.hs256(ring2).clock(world.clock).build()),
                "/es", edge(AccessTokenSettings.es256(esKeys, ES_KID).issuer(ISSUER).audience(AUDIENCE).clock(world.clock).build()),
                "/off", edge(null),
                "/dev", EdgeWorld.initializer(world.devices, HttpSettings.builder()
                        .accessTokens(AccessTokenSettings.hs256(TestKeys.RING).clock(world.clock).build()).build()));
        container = container();
        base = "http://127.0.0.1:" + container.start(contexts);
    }

    @AfterAll
    void stop() throws Exception {
        container.close();
    }

    @Test
    @DisplayName("S9 POST /um/token with a live session answers {accessToken, tokenType, expiresIn}; the JWT carries sub, sid, roles, iat, exp, jti, iss and kid")
    void issueCarriesTheClaims() throws Exception {
        String session = world.login("alice");
        HttpResponse<String> r = send("POST", "/um/token", bearer(session));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode body = json(r);
        assertThat(body.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(body.get("expiresIn").asLong()).isEqualTo(LIFETIME.toSeconds());
        SignedJWT jwt = SignedJWT.parse(body.get("accessToken").asText());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("1");
        assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        var validation = world.kit.sessions().validate(session);
        assertThat(claims.getSubject()).isEqualTo(validation.user().orElseThrow().id().value().toString());
        assertThat(claims.getStringClaim("sid")).isEqualTo(validation.session().id().value().toString());
        assertThat(claims.getStringListClaim("roles")).containsExactly("reader");
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(LIFETIME.toMillis());
        assertThat(claims.getJWTID()).hasSizeGreaterThanOrEqualTo(22);
        assertThat(claims.getIssuer()).isEqualTo("userkit");
        assertThat(claims.getAudience()).isEmpty();
    }

    @Test
    @DisplayName("S9 R4 a JWT from /um/token passes a route its roles permit, as Bearer or umpack's raw authorization header; other verbs and paths are 403 609")
    void jwtAuthorisesByItsRoles() throws Exception {
        String jwt = accessToken("", world.login("alice"));
        for (Map<String, String> headers : List.of(bearer(jwt), Map.of("authorization", jwt))) {
            HttpResponse<String> r = send("GET", "/api/things", headers);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).startsWith("echo user=- path=/api/things");
        }
        assertThat(send("POST", "/api/orders", bearer(jwt)).statusCode()).isEqualTo(200);
        assertError(send("DELETE", "/api/things", bearer(jwt)), 403, 609);
        assertError(send("GET", "/admin", bearer(jwt)), 403, 609);
    }

    @Test
    @DisplayName("S9 POST /um/token without a session is 401 606; with an access token, an unknown or an anonymous session 401 607")
    void issueNeedsASession() throws Exception {
        assertError(send("POST", "/um/token", Map.of()), 401, 606);
        assertError(send("POST", "/um/token", bearer(accessToken("", world.login("alice")))), 401, 607);
        assertError(send("POST", "/um/token", bearer("not-a-session-token")), 401, 607);
        assertError(send("POST", "/um/token", bearer(world.kit.sessions().startAnonymous(Map.of()).token())), 401, 607);
    }

    @Test
    @DisplayName("SEC-30 S9 a token with alg none is refused with 401 607, with or without a signature part")
    void algNoneIsRefused() throws Exception {
        String genuine = accessToken("", world.login("carol"));
        String payload = genuine.split("\\.")[1];
        for (String alg : List.of("none", "None", "NONE")) {
            String header = Base64URL.encode("{\"alg\":\"" + alg + "\",\"typ\":\"at+jwt\",\"kid\":\"1\"}").toString();
            assertError(send("GET", "/api/things", bearer(header + "." + payload + ".")), 401, 607);
            assertError(send("GET", "/api/things", bearer(header + "." + payload + "." + genuine.split("\\.")[2])), 401, 607);
        }
    }

    @Test
    @DisplayName("SEC-30 S9 algorithm confusion is refused with 401 607: HS256 keyed with the ES256 public key, and an ES256 token where HS256 is configured")
    void algorithmConfusionIsRefused() throws Exception {
        String carol = world.login("carol");
        JWTClaimsSet esClaims = SignedJWT.parse(accessToken("/es", carol)).getJWTClaimsSet();
        String confused = sign(header(JWSAlgorithm.HS256, ES_KID), esClaims, new MACSigner(esKeys.getPublic().getEncoded()));
        assertError(send("GET", "/es/api/things", bearer(confused)), 401, 607);
        String jwkBytes = sign(header(JWSAlgorithm.HS256, ES_KID), esClaims,
                new MACSigner(ECKey.parse(json(send("GET", "/es/um/jwks.json", Map.of())).get("keys").get(0).toString())
                        .toJSONString().getBytes(StandardCharsets.UTF_8)));
        assertError(send("GET", "/es/api/things", bearer(jwkBytes)), 401, 607);
        JWTClaimsSet hsClaims = SignedJWT.parse(accessToken("", carol)).getJWTClaimsSet();
        assertError(send("GET", "/api/things", bearer(sign(header(JWSAlgorithm.ES256, "1"), hsClaims, new ECDSASigner((ECPrivateKey) esKeys.getPrivate())))), 401, 607);
        String hs384 = sign(header(JWSAlgorithm.HS384, "1"), hsClaims, new MACSigner(ringKey(1, 48)));
        assertError(send("GET", "/api/things", bearer(hs384)), 401, 607);
    }

    @Test
    @DisplayName("SEC-30 S9 a wrong, unknown or missing kid is refused with 401 607, even when the signature is made with the right key")
    void wrongKidIsRefused() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(accessToken("", world.login("carol"))).getJWTClaimsSet();
        MACSigner rightKey = new MACSigner(ringKey(1, 32));
        assertThat(send("GET", "/api/things", bearer(sign(header(JWSAlgorithm.HS256, "1"), claims, rightKey))).statusCode()).isEqualTo(200);
        for (String kid : new String[] {"7", "2", "01", " 1", "es-2026"}) {
            assertError(send("GET", "/api/things", bearer(sign(header(JWSAlgorithm.HS256, kid), claims, rightKey))), 401, 607);
        }
        String noKid = sign(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt")).build(), claims, rightKey);
        assertError(send("GET", "/api/things", bearer(noKid)), 401, 607);
        String noType = sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("1").build(), claims, rightKey);
        assertError(send("GET", "/api/things", bearer(noType)), 401, 607);
    }

    @Test
    @DisplayName("SEC-30 S9 a tampered payload (roles, subject) or signature is refused with 401 607")
    void tamperingIsRefused() throws Exception {
        String jwt = accessToken("", world.login("alice"));
        String[] parts = jwt.split("\\.");
        String payload = new Base64URL(parts[1]).decodeToString();
        for (String forged : List.of(payload.replace("\"reader\"", "\"all\""), payload.replace("\"sub\":\"", "\"sub\":\"0"))) {
            assertThat(forged).isNotEqualTo(payload);
            assertError(send("GET", "/api/things", bearer(parts[0] + "." + Base64URL.encode(forged) + "." + parts[2])), 401, 607);
        }
        char last = parts[2].charAt(0);
        String badSignature = parts[0] + "." + parts[1] + "." + (last == 'A' ? 'B' : 'A') + parts[2].substring(1);
        assertError(send("GET", "/api/things", bearer(badSignature)), 401, 607);
        for (String garbage : List.of("a.b.c", "..", parts[0] + ".." + parts[2], "x".repeat(7_000) + ".a.b", parts[0] + ".%%%." + parts[2])) {
            assertError(send("GET", "/api/things", bearer(garbage)), 401, 607);
        }
    }

    @Test
    @DisplayName("SEC-30 S9 an expired token is refused with 401 608 once past exp and the clock skew; inside the skew it still passes")
    void expiredTokenIsRefused() throws Exception {
        String jwt = accessToken("", world.login("alice"));
        world.clock.advance(LIFETIME.plus(SKEW).minusSeconds(10));
        assertThat(send("GET", "/api/things", bearer(jwt)).statusCode()).isEqualTo(200);
        world.clock.advance(Duration.ofSeconds(11));
        assertError(send("GET", "/api/things", bearer(jwt)), 401, 608);
    }

    @Test
    @DisplayName("SEC-30 S9 after the session is revoked a refresh is refused with 401 607; its last token lives out its lifetime, then 608")
    void revokedSessionGetsNoNewToken() throws Exception {
        String session = world.login("alice");
        String jwt = accessToken("", session);
        world.kit.sessions().logout(session);
        assertError(send("POST", "/um/token", bearer(session)), 401, 607);
        assertThat(send("GET", "/api/things", bearer(jwt)).statusCode()).isEqualTo(200);
        world.clock.advance(LIFETIME.plus(SKEW).plusSeconds(1));
        assertError(send("GET", "/api/things", bearer(jwt)), 401, 608);
    }

    @Test
    @DisplayName("S9 HS256 key rotation: a kid-1 token verifies while version 1 is in the ring, new tokens take kid 2, and kid 1 is refused once it is gone")
    void keyRotation() throws Exception {
        String session = world.login("alice");
        String v1 = accessToken("", session);
        assertThat(send("GET", "/r12/api/things", bearer(v1)).statusCode()).isEqualTo(200);
        String v2 = accessToken("/r12", session);
        assertThat(SignedJWT.parse(v2).getHeader().getKeyID()).isEqualTo("2");
        assertThat(send("GET", "/r2/api/things", bearer(v2)).statusCode()).isEqualTo(200);
        assertError(send("GET", "/r2/api/things", bearer(v1)), 401, 607);
        assertError(send("GET", "/api/things", bearer(v2)), 401, 607);
    }

    @Test
    @DisplayName("S9 SEC-30 GET /um/jwks.json serves the ES256 public key alone (no private part) that verifies the edge's tokens; with HS256 it is 404")
    void jwksServesThePublicKeyOnly() throws Exception {
        HttpResponse<String> r = send("GET", "/es/um/jwks.json", Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        JWKSet set = JWKSet.parse(r.body());
        assertThat(set.getKeys()).hasSize(1);
        assertThat(set.containsNonPublicKeys()).isFalse();
        JsonNode key = json(r).get("keys").get(0);
        assertThat(key.get("kty").asText()).isEqualTo("EC");
        assertThat(key.get("crv").asText()).isEqualTo("P-256");
        assertThat(key.get("kid").asText()).isEqualTo(ES_KID);
        assertThat(key.has("d")).isFalse();
        ECKey published = set.getKeys().get(0).toECKey();
        assertThat(published.toECPublicKey()).isEqualTo(esKeys.getPublic());
        SignedJWT jwt = SignedJWT.parse(accessToken("/es", world.login("carol")));
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.verify(new ECDSAVerifier(published))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(ISSUER);
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(AUDIENCE);
        assertThat(send("GET", "/es/api/things", bearer(jwt.serialize())).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/um/jwks.json", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("S9 SEC-30 a genuine token of another issuer or audience is refused with 401 607")
    void issuerAndAudienceAreChecked() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(accessToken("/es", world.login("carol"))).getJWTClaimsSet();
        ECDSASigner signer = new ECDSASigner((ECPrivateKey) esKeys.getPrivate());
        assertThat(send("GET", "/es/api/x", bearer(sign(header(JWSAlgorithm.ES256, ES_KID), claims, signer))).statusCode()).isEqualTo(200);
        for (JWTClaimsSet other : List.of(new JWTClaimsSet.Builder(claims).issuer("https://evil.example.com").build(),
                new JWTClaimsSet.Builder(claims).audience("billing-api").build(), new JWTClaimsSet.Builder(claims).audience((String) null).build(),
                new JWTClaimsSet.Builder(claims).notBeforeTime(Date.from(world.clock.instant().plus(Duration.ofMinutes(2)))).build())) {
            assertError(send("GET", "/es/api/x", bearer(sign(header(JWSAlgorithm.ES256, ES_KID), other, signer))), 401, 607);
        }
    }

    @Test
    @DisplayName("S9 R4 a role granted after a token was made reaches its holder with the next token; the roles of a JWT are not read live")
    void roleChangesArriveWithTheNextToken() throws Exception {
        world.kit.access().createRole("auditor", "");
        world.kit.access().addPermission("auditor", new Permission("audit", "/audit/**", Set.of(Verb.GET)));
        String session = world.login("bob");
        String before = accessToken("", session);
        assertError(send("GET", "/audit/log", bearer(before)), 403, 609);
        UserId bob = world.kit.sessions().validate(session).user().orElseThrow().id();
        world.kit.access().grant(bob, "auditor");
        assertError(send("GET", "/audit/log", bearer(before)), 403, 609);
        String after = accessToken("", session);
        assertThat(send("GET", "/audit/log", bearer(after)).statusCode()).isEqualTo(200);
        world.kit.access().removePermission("auditor", "audit");
        assertError(send("GET", "/audit/log", bearer(after)), 403, 609);
    }

    @Test
    @DisplayName("S9 SEC-30 POST /um/token with the session cookie needs the site's origin and the CSRF token like any cookie POST (403 609 without)")
    void cookieIssueNeedsCsrf() throws Exception {
        String session = world.login("alice");
        Map<String, String> cookie = EdgeOnLoopback.cookie(session);
        assertError(send("POST", "/um/token", cookie), 403, 609);
        assertError(send("POST", "/um/token", Map.of("Cookie", cookie.get("Cookie"), "Origin", base)), 403, 609);
        Map<String, String> withCsrf = Map.of("Cookie", cookie.get("Cookie"), "Origin", base, "X-CSRF-Token", CsrfTokens.of(session));
        HttpResponse<String> r = send("POST", "/um/token", withCsrf);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(send("GET", "/api/things", bearer(json(r).get("accessToken").asText())).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("S9 D1 under device control POST /um/token needs the session's device token (403 806 without it); its JWT then passes")
    void deviceControlAppliesAtIssue() throws Exception {
        String device = "device-token-for-jwt-0123456789";
        String session = world.deviceSession(device);
        assertError(send("POST", "/dev/um/token", bearer(session)), 403, 806);
        assertError(send("POST", "/dev/um/token", Map.of("Authorization", "Bearer " + session, "X-Device-Token", "another-device-0123456789")),
                403, 806);
        HttpResponse<String> r = send("POST", "/dev/um/token", Map.of("Authorization", "Bearer " + session, "X-Device-Token", device));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(send("GET", "/dev/api/x", bearer(json(r).get("accessToken").asText())).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("S9 with access tokens off there is no /um/token (404) and a JWS bearer is refused like any unknown token, 401 607")
    void offByDefault() throws Exception {
        String session = world.login("alice");
        assertThat(send("POST", "/off/um/token", bearer(session)).statusCode()).isEqualTo(404);
        assertError(send("GET", "/off/api/things", bearer(accessToken("", session))), 401, 607);
        assertThat(send("GET", "/off/api/things", bearer(session)).statusCode()).isEqualTo(200);
    }

    // --- helpers ---

    private ServletContainerInitializer edge(AccessTokenSettings tokens) {
        return EdgeWorld.initializer(world.kit, HttpSettings.builder().publicPaths("/public/**").accessTokens(tokens).build());
    }

    /** A new access token from the edge at this context path, for a session. */
    private String accessToken(String context, String session) throws Exception {
        HttpResponse<String> r = send("POST", context + "/um/token", bearer(session));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).get("accessToken").asText();
    }

    /** The HS256 key the edge derives from ring version 1 of the test ring, cut or padded to this length. */
    private static byte[] ringKey(int version, int length) {
        return java.util.Arrays.copyOf(TestKeys.RING.derivedKey(version, AccessTokenKeys.PURPOSE), length);
    }

    private static JWSHeader header(JWSAlgorithm alg, String kid) {
        return new JWSHeader.Builder(alg).keyID(kid).type(new JOSEObjectType("at+jwt")).build();
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    static KeyPair p256() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
