package dev.userkit.accounts;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import java.util.regex.Pattern;

/**
 * How {@link Bootstrap} sets up the root (R6, umpack's {@code init} and {@code initWithFullAccess}):
 * the path pattern of the admin role's single permission (every verb) when the role is created, and
 * the device token of a permitted root device under device control.
 *
 * @param adminPattern the admin role's pattern: {@code /**} for full access, or {@code basePath/**}
 *                     for the API's own routes only
 * @param deviceToken the root's device token to permit, or null
 */
public record RootOptions(String adminPattern, String deviceToken) {
    /** A plain base path: one or more segments of unreserved characters, no trailing '/'. */
    private static final Pattern BASE_PATH = Pattern.compile("(/[A-Za-z0-9._~-]{1,64}){1,8}");

    /**
     * Full access: {@code /**} with every verb (umpack's {@code initWithFullAccess}, R5).
     *
     * @return the options, without a device
     */
    public static RootOptions fullAccess() {
        return new RootOptions("/**", null);
    }

    /**
     * Access to the API's own routes only: {@code basePath/**} with every verb (umpack's
     * {@code init(umBaseUrl, ..)}), so the root administers users and roles but the application's
     * other paths need roles of their own.
     *
     * @param basePath where the API is mounted, such as {@code /um}
     * @return the options, without a device
     * @throws UserKitException INVALID_ARGUMENT (1010) unless the base path is plain ({@code /um}, {@code /admin/um})
     */
    public static RootOptions apiOnly(String basePath) {
        if (basePath == null || !BASE_PATH.matcher(basePath).matches() || basePath.contains("/.")) {
            throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "umBaseUrl must be a plain path such as /um");
        }
        return new RootOptions(basePath + "/**", null);
    }

    /**
     * The same options with a root device to permit (under device control; ignored without it).
     *
     * @param token the client-held device token, as a login would present it
     * @return the options with that device
     */
    public RootOptions withDevice(String token) {
        return new RootOptions(adminPattern, token);
    }
}
