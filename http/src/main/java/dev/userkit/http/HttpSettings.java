package dev.userkit.http;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the HTTP edge reads and answers requests; every value has a documented default
 * ({@link #builder()}). Sealed at {@link Builder#build()}: a malformed value fails there with the
 * setting's name, never at the first request.
 *
 * @param sessionCookie the session cookie's name (default {@code userkit_session})
 * @param cookiePath the path of the session and CSRF cookies (default {@code /})
 * @param trustedProxies CIDR blocks of the proxies whose forwarding headers are believed (default
 *                       none: the connection's peer is the client)
 * @param forwardedHeader which header those proxies set: {@value #X_FORWARDED_FOR} (with
 *                        {@code X-Forwarded-Proto}, the default) or {@value #FORWARDED} (RFC 7239);
 *                        only that one is read
 * @param deviceToken where requests carry the device token (default header {@code X-Device-Token})
 * @param knownClientToken where requests carry the known-client token (default cookie {@code userkit_client})
 * @param allowedOrigins origins ({@code https://app.example.com}) besides the request's own that may
 *                       send cookie-authenticated state changes and get CORS answers (default none)
 * @param csrfCookie the cookie the CSRF token is handed out in, readable by scripts (default {@code userkit_csrf})
 * @param csrfHeader the header a state-changing request echoes the CSRF token in (default {@code X-CSRF-Token})
 * @param maxBodyBytes the largest request body the edge's own routes read (default 65,536)
 * @param publicPaths Ant-style patterns the authorisation filter lets through without a session
 *                    (default none: deny by default)
 * @param basePath where umpack's REST API is mounted (default {@code /um}, umpack's)
 * @param loginPath where jxMono's login routes are mounted (default {@code /auth})
 * @param publicRoutes the API routes that need no permission, each {@code "METHOD /template"} relative
 *                     to {@code basePath} (default: login, signup, resetpass, the four reset routes,
 *                     initialization, {@code HEAD /authorization}, which checks the token itself, and
 *                     {@code POST /token} and {@code GET /jwks.json}, which need a session or nothing)
 * @param accessTokens signed access tokens (S9): how {@code POST <basePath>/token} makes them and the
 *                     authentication filter checks them; null (the default) for none: then no route
 *                     makes one and a bearer JWS is refused like any unknown token
 */
public record HttpSettings(String sessionCookie, String cookiePath, List<String> trustedProxies, String forwardedHeader,
                           TokenSource deviceToken,
                           TokenSource knownClientToken, Set<String> allowedOrigins, String csrfCookie, String csrfHeader,
                           int maxBodyBytes, List<String> publicPaths, String basePath, String loginPath,
                           List<String> publicRoutes, AccessTokenSettings accessTokens) {
    /** {@link #forwardedHeader()} for proxies that set {@code X-Forwarded-For} and {@code X-Forwarded-Proto}. */
    public static final String X_FORWARDED_FOR = "X-Forwarded-For";
    /** {@link #forwardedHeader()} for proxies that set RFC 7239's {@code Forwarded}. */
    public static final String FORWARDED = "Forwarded";
    private static final Pattern TOKEN_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}");
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:\\d{1,5})?");
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)*/?");

    /**
     * Checks every value.
     *
     * @param sessionCookie see {@link #sessionCookie()}
     * @param cookiePath see {@link #cookiePath()}
     * @param trustedProxies see {@link #trustedProxies()}
     * @param forwardedHeader see {@link #forwardedHeader()}
     * @param deviceToken see {@link #deviceToken()}
     * @param knownClientToken see {@link #knownClientToken()}
     * @param allowedOrigins see {@link #allowedOrigins()}
     * @param csrfCookie see {@link #csrfCookie()}
     * @param csrfHeader see {@link #csrfHeader()}
     * @param maxBodyBytes see {@link #maxBodyBytes()}
     * @param publicPaths see {@link #publicPaths()}
     * @param basePath see {@link #basePath()}
     * @param loginPath see {@link #loginPath()}
     * @param publicRoutes see {@link #publicRoutes()}
     * @param accessTokens see {@link #accessTokens()}
     * @throws IllegalArgumentException naming the setting that is malformed
     */
    public HttpSettings {
        name("sessionCookie", sessionCookie);
        name("csrfCookie", csrfCookie);
        name("csrfHeader", csrfHeader);
        if (cookiePath == null || !cookiePath.startsWith("/") || !PATH.matcher(cookiePath).matches()) {
            throw new IllegalArgumentException("cookiePath must be a plain absolute path: " + cookiePath);
        }
        trustedProxies = List.copyOf(trustedProxies);
        trustedProxies.forEach(Cidr::parse);
        if (!X_FORWARDED_FOR.equals(forwardedHeader) && !FORWARDED.equals(forwardedHeader)) {
            throw new IllegalArgumentException("forwardedHeader must be " + X_FORWARDED_FOR + " or " + FORWARDED + ": " + forwardedHeader);
        }
        Objects.requireNonNull(deviceToken, "deviceToken");
        Objects.requireNonNull(knownClientToken, "knownClientToken");
        allowedOrigins = Set.copyOf(allowedOrigins);
        for (String o : allowedOrigins) {
            if (!ORIGIN.matcher(o).matches()) throw new IllegalArgumentException("allowedOrigins: not an origin (scheme://host[:port]): " + o);
        }
        if (maxBodyBytes < 1_024 || maxBodyBytes > 16 << 20) throw new IllegalArgumentException("maxBodyBytes must be 1 KiB to 16 MiB: " + maxBodyBytes);
        publicPaths = List.copyOf(publicPaths);
        plainPath("basePath", basePath);
        plainPath("loginPath", loginPath);
        if (basePath.equals(loginPath)) throw new IllegalArgumentException("loginPath must differ from basePath: " + loginPath);
        publicRoutes = List.copyOf(publicRoutes);
        publicRoutes.forEach(PublicRoutes::parse);
    }

    private static void plainPath(String setting, String value) {
        if (value == null || value.length() < 2 || value.endsWith("/") || !PATH.matcher(value).matches()) {
            throw new IllegalArgumentException(setting + " must be a plain absolute path without a trailing '/': " + value);
        }
    }

    private static void name(String setting, String value) {
        if (value == null || !TOKEN_NAME.matcher(value).matches()) throw new IllegalArgumentException(setting + " must be a header or cookie name: " + value);
    }

    /**
     * A builder with every default.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link HttpSettings}; each setter names the field it sets. */
    public static final class Builder {
        private String sessionCookie = "userkit_session";
        private String cookiePath = "/";
        private List<String> trustedProxies = List.of();
        private String forwardedHeader = X_FORWARDED_FOR;
        private TokenSource deviceToken = TokenSource.header("X-Device-Token");
        private TokenSource knownClientToken = TokenSource.cookie("userkit_client");
        private Set<String> allowedOrigins = Set.of();
        private String csrfCookie = "userkit_csrf";
        private String csrfHeader = "X-CSRF-Token";
        private int maxBodyBytes = 65_536;
        private List<String> publicPaths = List.of();
        private String basePath = "/um";
        private String loginPath = "/auth";
        private List<String> publicRoutes = List.of("POST /login", "POST /signup", "POST /resetpass",
                "POST /users/passwordResetRequest", "POST /users/passwordReset",
                "POST /users/{userName}/passwordResetRequestByPhone", "POST /users/{userName}/passwordResetByPhone",
                "POST /initialization", "HEAD /authorization", "POST /token", "GET /jwks.json");
        private AccessTokenSettings accessTokens;

        private Builder() {}

        /**
         * Sets {@link HttpSettings#sessionCookie()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder sessionCookie(String v) { sessionCookie = v; return this; }

        /**
         * Sets {@link HttpSettings#cookiePath()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder cookiePath(String v) { cookiePath = v; return this; }

        /**
         * Sets {@link HttpSettings#trustedProxies()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder trustedProxies(String... v) { trustedProxies = List.of(v); return this; }

        /**
         * Sets {@link HttpSettings#forwardedHeader()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder forwardedHeader(String v) { forwardedHeader = v; return this; }

        /**
         * Sets {@link HttpSettings#deviceToken()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder deviceToken(TokenSource v) { deviceToken = v; return this; }

        /**
         * Sets {@link HttpSettings#knownClientToken()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder knownClientToken(TokenSource v) { knownClientToken = v; return this; }

        /**
         * Sets {@link HttpSettings#allowedOrigins()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder allowedOrigins(String... v) { allowedOrigins = Set.of(v); return this; }

        /**
         * Sets {@link HttpSettings#csrfCookie()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder csrfCookie(String v) { csrfCookie = v; return this; }

        /**
         * Sets {@link HttpSettings#csrfHeader()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder csrfHeader(String v) { csrfHeader = v; return this; }

        /**
         * Sets {@link HttpSettings#maxBodyBytes()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder maxBodyBytes(int v) { maxBodyBytes = v; return this; }

        /**
         * Sets {@link HttpSettings#publicPaths()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder publicPaths(String... v) { publicPaths = List.of(v); return this; }

        /**
         * Sets {@link HttpSettings#basePath()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder basePath(String v) { basePath = v; return this; }

        /**
         * Sets {@link HttpSettings#loginPath()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder loginPath(String v) { loginPath = v; return this; }

        /**
         * Sets {@link HttpSettings#publicRoutes()}, replacing the defaults.
         *
         * @param v the new value, each "METHOD /template"
         * @return this builder
         */
        public Builder publicRoutes(String... v) { publicRoutes = List.of(v); return this; }

        /**
         * Sets {@link HttpSettings#accessTokens()}: switches signed access tokens on.
         *
         * @param v the new value, or null for none
         * @return this builder
         */
        public Builder accessTokens(AccessTokenSettings v) { accessTokens = v; return this; }

        /**
         * Checks and seals the settings.
         *
         * @return the settings
         * @throws IllegalArgumentException naming the setting that is malformed
         */
        public HttpSettings build() {
            return new HttpSettings(sessionCookie, cookiePath, trustedProxies, forwardedHeader, deviceToken, knownClientToken, allowedOrigins,
                    csrfCookie, csrfHeader, maxBodyBytes, publicPaths, basePath, loginPath, publicRoutes, accessTokens);
        }
    }
}
