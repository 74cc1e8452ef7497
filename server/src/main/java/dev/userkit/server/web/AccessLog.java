package dev.userkit.server.web;

import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the logger {@value #LOGGER}: method, path, status and duration. The
 * query string is never written (verification links and forms carry codes there), and a path
 * segment that looks like a token or a link code (20 or more base64url characters, other than a
 * UUID) is written as {@code *}, so no secret reaches the log whatever a route puts in its path.
 */
final class AccessLog implements RequestLog {
    /** The logger's name, so an operator can route or silence the access log alone. */
    static final String LOGGER = "dev.userkit.server.access";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final Pattern SECRET_SEGMENT = Pattern.compile("(?<=/)[A-Za-z0-9_-]{20,}(?=/|$)");
    /** A UUID (a user or role id) is no secret and an operator needs it: it stays. */
    private static final Pattern UUID = Pattern.compile("\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}");

    @Override
    public void log(Request request, Response response) {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - request.getBeginNanoTime());
        LOG.info("{} {} {} {} ms", request.getMethod(), redacted(request.getHttpURI().getPath()), response.getStatus(), millis);
    }

    /** The path with every secret-looking segment replaced; the query is not part of it. */
    static String redacted(String path) {
        return path == null ? "" : SECRET_SEGMENT.matcher(path).replaceAll(m -> UUID.matcher(m.group()).matches() ? m.group() : "*");
    }
}
