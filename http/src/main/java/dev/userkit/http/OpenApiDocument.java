package dev.userkit.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The OpenAPI 3.1 description of umpack's API (W4), written by hand in {@code openapi.json} next to
 * this class, and the copy one deployment serves: its server URL is the context path plus
 * {@link HttpSettings#basePath()}, the session cookie scheme names {@link HttpSettings#sessionCookie()},
 * the configured {@link HttpSettings#publicRoutes()} get {@code security: []}, and an operation the
 * deployment's {@link RouteTable} lacks (the access-token routes when access tokens are off) is left out.
 */
final class OpenApiDocument {
    static final String RESOURCE = "openapi.json";

    private OpenApiDocument() {}

    /** The document as written, paths relative to the base path. */
    static ObjectNode written() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("Missing resource " + RESOURCE);
            // the edge's own mapper caps nesting for requests; this trusted resource is read with a plain one
            return (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable resource " + RESOURCE, e);
        }
    }

    /** The document as this deployment serves it. */
    static ObjectNode forDeployment(RouteTable routes, HttpSettings settings, String contextPath) {
        ObjectNode doc = written();
        ((ObjectNode) doc.get("servers").get(0)).put("url", contextPath + settings.basePath());
        doc.withObject("/components/securitySchemes/sessionCookie").put("name", settings.sessionCookie());
        PublicRoutes open = new PublicRoutes(settings.basePath(), settings.publicRoutes());
        Iterator<Map.Entry<String, JsonNode>> paths = doc.withObjectProperty("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                if (!routes.has(method, path.getKey())) {
                    operations.remove();
                } else if (open.coversTemplate(method, path.getKey())) {
                    ((ObjectNode) operation.getValue()).putArray("security");
                }
            }
            if (path.getValue().isEmpty()) paths.remove();
        }
        return doc;
    }
}
