package dev.userkit.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.domain.User;
import dev.userkit.sessions.Validation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One request to a {@link Route} of the umpack API: its path parameters, its JSON body read once
 * under the cap, the caller as the filters left it, and the answer. Field readers refuse a wrong
 * type with 1010 naming the field, so every handler answers bad input the same way.
 */
final class ApiCall {
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Map<String, String> params;
    private final JsonBodies bodies;
    private JsonNode body;

    ApiCall(HttpServletRequest request, HttpServletResponse response, Map<String, String> params, JsonBodies bodies) {
        this.request = request;
        this.response = response;
        this.params = Map.copyOf(params);
        this.bodies = bodies;
    }

    HttpServletRequest request() { return request; }

    HttpServletResponse response() { return response; }

    /** A path parameter of the template, decoded; never null for a name the template has. */
    String param(String name) {
        String v = params.get(name);
        if (v == null) throw new IllegalStateException("The route's template has no {" + name + "}");
        return v;
    }

    /** The body as a JSON object (an empty body is an empty object); 1010 for anything else. */
    JsonNode body() throws IOException, JsonBodies.TooLarge {
        if (body == null) body = bodies.object(request);
        return body;
    }

    /** A text field of the body, or null when absent or JSON null; 1010 naming the field when it is another type. */
    String text(String field) throws IOException, JsonBodies.TooLarge {
        JsonNode v = body().get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, field + " must be a string");
        return v.textValue();
    }

    /** A text field that must be present and non-empty; 1010 naming it otherwise. */
    String requiredText(String field) throws IOException, JsonBodies.TooLarge {
        String v = text(field);
        if (v == null || v.isEmpty()) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, field + " is required");
        return v;
    }

    /** A boolean field, or null when absent; umpack's clients also send "true"/"false" as strings. */
    Boolean bool(String field) throws IOException, JsonBodies.TooLarge {
        JsonNode v = body().get(field);
        if (v == null || v.isNull()) return null;
        if (v.isBoolean()) return v.booleanValue();
        if (v.isTextual() && (v.textValue().equals("true") || v.textValue().equals("false"))) return Boolean.valueOf(v.textValue());
        throw new UserKitException(ErrorCode.INVALID_ARGUMENT, field + " must be true or false");
    }

    /** The caller's validated session, if any (the authorisation filter has run). */
    Optional<Validation> validation() {
        return RequestAttributes.validation(request);
    }

    /** The caller's user, if it presented a live user session. */
    Optional<User> user() {
        return RequestAttributes.user(request);
    }

    /** The caller as the authentication filter saw it. */
    ClientContext client() {
        return RequestAttributes.client(request);
    }

    /** Answers 200 with this body as JSON. */
    void ok(Object body) throws IOException {
        Responses.json(response, 200, body);
    }

    /** Answers umpack's {@code {success: true}}, with a message when one is given. */
    void success(String message) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("success", true);
        if (message != null) out.put("message", message);
        ok(out);
    }
}
