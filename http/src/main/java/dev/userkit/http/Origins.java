package dev.userkit.http;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Which origins a request may come from: the configured ones, and for CSRF also the request's own
 * (the scheme the client used and its {@code Host}, which a browser never lets a page forge).
 */
final class Origins {
    private final Set<String> configured;

    Origins(Set<String> configured) {
        this.configured = configured.stream().map(o -> o.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Whether CORS answers this origin (configured origins only: the page's own origin needs no CORS). */
    boolean corsAllowed(String origin) {
        return origin != null && configured.contains(origin.toLowerCase(Locale.ROOT));
    }

    /** Whether an origin ({@code Origin}, or a {@code Referer}'s origin) may send state changes to this request's site. */
    boolean sameOrAllowed(String origin, HttpServletRequest request, boolean secure) {
        if (origin == null) return false;
        String o = origin.toLowerCase(Locale.ROOT);
        if (configured.contains(o)) return true;
        String host = request.getHeader("Host");
        return host != null && o.equals(normalise((secure ? "https" : "http") + "://" + host.toLowerCase(Locale.ROOT)));
    }

    /** The origin of a {@code Referer}, or null when it is no absolute http(s) URL. */
    static String ofReferer(String referer) {
        if (referer == null) return null;
        try {
            URI u = new URI(referer);
            if (u.getScheme() == null || u.getHost() == null) return null;
            return normalise(u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()));
        } catch (java.net.URISyntaxException malformed) {
            return null;
        }
    }

    /** Drops a default port, so {@code https://a:443} and {@code https://a} are one origin. */
    private static String normalise(String origin) {
        String o = origin.toLowerCase(Locale.ROOT);
        if (o.startsWith("https://") && o.endsWith(":443")) return o.substring(0, o.length() - 4);
        if (o.startsWith("http://") && o.endsWith(":80")) return o.substring(0, o.length() - 3);
        return o;
    }
}
