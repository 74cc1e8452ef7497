package dev.userkit.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a request body for the edge's own routes: a JSON object, or a form post
 * ({@code application/x-www-form-urlencoded}, jxMono's page flows). The body is capped
 * ({@link HttpSettings#maxBodyBytes()}): a longer one is refused without reading past the cap.
 */
final class JsonBodies {
    /** A body over the cap: answered 413. */
    static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("Request body too large", null, false, false);
        }
    }

    private final int maxBytes;

    JsonBodies(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * The named text fields of the body; an absent field or one that is not a string is missing.
     *
     * @throws UserKitException 1010 for malformed JSON or a body that is not an object
     * @throws TooLarge for a body over the cap
     */
    Map<String, String> fields(HttpServletRequest request, String... names) throws IOException, TooLarge {
        if (request.getContentLengthLong() > maxBytes) throw new TooLarge();
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return form(request, names);
        }
        JsonNode body = parse(read(request));
        if (!body.isObject()) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "The body must be a JSON object");
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        for (String name : names) {
            JsonNode v = body.get(name);
            if (v != null && v.isTextual()) out.put(name, v.textValue());
        }
        return out;
    }

    /**
     * The body as a JSON object; an empty body is an empty object (umpack's clients post {@code {}}
     * or nothing to routes without fields).
     *
     * @throws UserKitException 1010 for malformed JSON or a body that is not an object
     * @throws TooLarge for a body over the cap
     */
    JsonNode object(HttpServletRequest request) throws IOException, TooLarge {
        if (request.getContentLengthLong() > maxBytes) throw new TooLarge();
        byte[] bytes = read(request);
        if (bytes.length == 0) return Json.MAPPER.createObjectNode();
        JsonNode body = parse(bytes);
        if (!body.isObject()) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "The body must be a JSON object");
        return body;
    }

    private static Map<String, String> form(HttpServletRequest request, String... names) {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        for (String name : names) {
            String v = request.getParameter(name);
            if (v != null) out.put(name, v);
        }
        return out;
    }

    private byte[] read(HttpServletRequest request) throws IOException, TooLarge {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) throw new TooLarge();
            return bytes;
        }
    }

    private static JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "The body must be a JSON object");
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (IOException malformed) {
            // Jackson's message quotes the input: the client gets a fixed one
            throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "Malformed JSON");
        }
    }
}
