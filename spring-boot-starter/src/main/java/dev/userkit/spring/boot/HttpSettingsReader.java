package dev.userkit.spring.boot;

import dev.userkit.KeyRing;
import dev.userkit.http.AccessTokenSettings;
import dev.userkit.http.HttpSettings;
import java.util.Locale;

/**
 * {@link HttpSettings} from {@code userkit.http.*}; the edge's own checks run, and a value they
 * refuse stops start-up naming the property ({@code basePath} is {@code userkit.http.base-path}).
 */
final class HttpSettingsReader {
    private HttpSettingsReader() {}

    static HttpSettings read(UserKitProperties.Http p, KeyRing keyRing) {
        try {
            HttpSettings.Builder b = HttpSettings.builder().basePath(p.basePath()).loginPath(p.loginPath())
                    .publicPaths(p.publicPaths().toArray(String[]::new)).trustedProxies(p.trustedProxies().toArray(String[]::new));
            if (!p.publicRoutes().isEmpty()) b.publicRoutes(p.publicRoutes().toArray(String[]::new));
            if (p.accessTokens() == UserKitProperties.AccessTokenMode.HS256) b.accessTokens(AccessTokenSettings.hs256(keyRing).build());
            return b.build();
        } catch (IllegalArgumentException e) {
            String property = "userkit.http." + kebab(e.getMessage().split("[ :]", 2)[0]);
            throw new UserKitPropertyException(property, property + ": " + e.getMessage(), e);
        }
    }

    /** {@code basePath} as {@code base-path}. */
    private static String kebab(String field) {
        return field.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
