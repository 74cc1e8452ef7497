package dev.userkit.http;

import dev.userkit.ErrorCode;

/**
 * The one place where a UserKit outcome becomes an HTTP status: umpack's 401 for the token codes,
 * 403 for a refusal (609, 806), 429 for THROTTLED, 404 for an unknown user or device, 413 for a
 * body over the cap, 400 for every other domain outcome (umpack's "400 with internalStatus").
 */
final class HttpStatuses {
    private HttpStatuses() {}

    static int of(ErrorCode code) {
        return switch (code) {
            case TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED -> 401;
            case ACCESS_DENIED, DEVICE_DENIED -> 403;
            case THROTTLED -> 429;
            case USER_NOT_FOUND, DEVICE_NOT_FOUND -> 404;
            default -> 400;
        };
    }
}
