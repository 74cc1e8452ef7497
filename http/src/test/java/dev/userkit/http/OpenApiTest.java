package dev.userkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The OpenAPI 3.1 description (W4): well formed, the same routes as the route table, served at /openapi.json. */
class OpenApiTest extends EdgeOnLoopback {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    @Override
    ServletContainer container() {
        return new JettyContainer();
    }

    @Test
    @DisplayName("W4 openapi.json is JSON with openapi 3.1.x, unique operation ids, declared path parameters and no dangling $ref")
    void wellFormed() {
        JsonNode doc = OpenApiDocument.written();
        assertThat(doc.path("openapi").asText()).matches("3\\.1\\.\\d+");
        assertThat(doc.path("info").path("title").asText()).isNotBlank();
        assertThat(doc.path("components").path("securitySchemes").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("sessionCookie", "bearer", "umpackAuthorization");
        Set<String> ids = new HashSet<>();
        doc.path("paths").fields().forEachRemaining(path -> {
            assertThat(path.getKey()).startsWith("/");
            Set<String> params = new TreeSet<>();
            Matcher m = PARAM.matcher(path.getKey());
            while (m.find()) params.add(m.group(1));
            path.getValue().fields().forEachRemaining(op -> {
                String what = op.getKey() + " " + path.getKey();
                assertThat(METHODS).as(what).contains(op.getKey());
                assertThat(ids.add(op.getValue().path("operationId").asText())).as(what + " operationId unique").isTrue();
                assertThat(op.getValue().path("responses").path("200").isMissingNode()).as(what + " documents its 200").isFalse();
                Set<String> declared = new TreeSet<>();
                op.getValue().path("parameters").forEach(p -> {
                    if (p.path("in").asText().equals("path")) declared.add(p.path("name").asText());
                });
                assertThat(declared).as(what + " path parameters").isEqualTo(params);
            });
        });
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
    }

    @Test
    @DisplayName("W4 every documented method and path is a route of the table UmpackRoutes builds (access tokens on, ES256), and every route is documented")
    void documentAndRouteTableAgree() {
        HttpSettings everything = HttpSettings.builder()
                .accessTokens(AccessTokenSettings.es256(AccessTokenContract.p256(), "openapi-test").build()).build();
        RouteTable table = UmpackRoutes.table(world.kit, everything);
        Set<String> documented = documented(OpenApiDocument.written());
        Set<String> routes = routes(table);
        assertThat(routes).as("routes without documentation").isSubsetOf(documented);
        assertThat(documented).as("documented operations without a route").isSubsetOf(routes);
    }

    @Test
    @DisplayName("W4 GET /openapi.json is public, JSON with nosniff and no-store (other methods a JSON 405), names the context path plus basePath as its server and lists exactly the table's routes")
    void served() throws Exception {
        for (String context : List.of("", "/dev")) {
            HttpResponse<String> r = client.send("GET", context + OpenApiServlet.PATH, Map.of(), null);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
            JsonNode doc = Json.MAPPER.readTree(r.body());
            assertThat(doc.path("openapi").asText()).startsWith("3.1.");
            assertThat(doc.path("servers").get(0).path("url").asText()).isEqualTo(context + "/um");
            RouteTable table = UmpackRoutes.table(world.kit, HttpSettings.builder().build());
            assertThat(documented(doc)).containsExactlyInAnyOrderElementsOf(routes(table));
            doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                boolean open = new PublicRoutes("/um", HttpSettings.builder().build().publicRoutes())
                        .coversTemplate(op.getKey().toUpperCase(Locale.ROOT), path.getKey());
                JsonNode security = op.getValue().path("security");
                assertThat(security.isArray() && security.isEmpty()).as(op.getKey() + " " + path.getKey() + " public").isEqualTo(open);
            }));
        }
        HttpResponse<String> post = client.send("POST", OpenApiServlet.PATH, Map.of(), "{}");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
        assertThat(Json.MAPPER.readTree(post.body()).path("message").asText()).isNotBlank();
        assertThat(client.send("HEAD", OpenApiServlet.PATH, Map.of(), null).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("W4 the module README's table of every route and its statuses is the one openapi.json gives")
    void readmeTableMatchesTheDocument() throws Exception {
        PublicRoutes open = new PublicRoutes("/um", HttpSettings.builder().build().publicRoutes());
        StringBuilder table = new StringBuilder("| method | path (under `basePath`) | statuses | authorised by |\n|---|---|---|---|\n");
        OpenApiDocument.written().path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String method = op.getKey().toUpperCase(Locale.ROOT);
            List<String> statuses = new ArrayList<>();
            op.getValue().path("responses").fieldNames().forEachRemaining(statuses::add);
            table.append("| ").append(method).append(" | `").append(path.getKey()).append("` | ").append(String.join(", ", statuses))
                    .append(" | ").append(open.coversTemplate(method, path.getKey()) ? "public" : "R4").append(" |\n");
        }));
        assertThat(Files.readString(Path.of("README.md"))).contains(table);
    }

    /** "METHOD /template" of every documented operation. */
    static Set<String> documented(JsonNode doc) {
        Set<String> out = new TreeSet<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> out.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return out;
    }

    /** "METHOD /template" of every route of the table. */
    static Set<String> routes(RouteTable table) {
        Set<String> out = new TreeSet<>();
        for (Route r : table.routes()) out.add(r.method() + " " + r.template());
        return out;
    }

    private static void collectRefs(JsonNode node, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                if (f.getKey().equals("$ref")) out.add(f.getValue().asText());
                else collectRefs(f.getValue(), out);
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, out));
        }
    }
}
