package dev.userkit.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.userkit.ErrorCode;
import dev.userkit.UserKit;
import dev.userkit.UserKitException;
import dev.userkit.domain.User;
import java.util.Map;

/**
 * umpack's metadata routes (A9) on the caller's own user: {@code GET /metadata} answers the
 * metadata object, {@code PUT /metadata} replaces it with the body, {@code PUT /metadata/{fieldName}}
 * sets one top-level field to the body's {@code value} (JSON null removes it). Core checks field
 * names and values (1009); a request without a user session is 401 (606/607).
 */
final class MetadataApiRoutes {
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private final UserKit kit;

    MetadataApiRoutes(UserKit kit) {
        this.kit = kit;
    }

    void register(RouteTable table) {
        table.add("GET", "/metadata", call -> call.ok(current(call).metadata()));
        table.add("PUT", "/metadata", call -> {
            User user = caller(call);
            kit.accounts().replaceMetadata(user.id(), Json.MAPPER.convertValue(call.body(), OBJECT));
            call.success("metadata updated");
        });
        table.add("PUT", "/metadata/{fieldName}", call -> {
            User user = caller(call);
            String field = call.param("fieldName");
            JsonNode value = call.body().get("value");
            if (value == null) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "value is required (null removes the field)");
            kit.accounts().setMetadataField(user.id(), field, Json.MAPPER.treeToValue(value, Object.class));
            call.success("metadata key: " + field + " updated");
        });
    }

    /** The caller's user as stored now, not as the session read it. */
    private User current(ApiCall call) {
        return kit.accounts().findById(caller(call).id()).orElseThrow(() -> new UserKitException(ErrorCode.TOKEN_INVALID));
    }

    /** The caller's user: 401 when the request carries no user session (a route made public by configuration). */
    private static User caller(ApiCall call) {
        return call.user().orElseThrow(() -> new UserKitException(ErrorCode.TOKEN_MISSING));
    }
}
