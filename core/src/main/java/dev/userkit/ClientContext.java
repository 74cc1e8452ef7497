package dev.userkit;

import dev.userkit.domain.Limits;
import dev.userkit.domain.TextRules;
import dev.userkit.domain.TextRules.Lines;

/**
 * What the application knows about the caller of a sensitive operation: used for throttling
 * per address (SEC-09), send-rate limits (SEC-25), device control (D1) and audit events (H3).
 * Every field may be null.
 *
 * @param address the client's network address as the application sees it
 * @param deviceToken a client-held random secret identifying the device (at least 128 bits)
 * @param userAgent the client's user agent string
 */
public record ClientContext(String address, String deviceToken, String userAgent) {
    /**
     * Checks the texts a store may keep or key on (SEC-29): the address (at most
     * {@link Limits#CLIENT_ADDRESS} code points) and the user agent (at most {@link Limits#USER_AGENT})
     * are single-line text as {@link TextRules} says. The device token is checked where it is used (805).
     *
     * @throws UserKitException INVALID_ARGUMENT (1010) for an address or user agent over its cap or with a refused character
     */
    public ClientContext {
        TextRules.check(address, "Client address", Limits.CLIENT_ADDRESS, Lines.SINGLE, ErrorCode.INVALID_ARGUMENT);
        TextRules.check(userAgent, "User agent", Limits.USER_AGENT, Lines.SINGLE, ErrorCode.INVALID_ARGUMENT);
    }

    /** No information about the client. */
    public static final ClientContext NONE = new ClientContext(null, null, null);

    /** A context with only an address. */
    public static ClientContext fromAddress(String address) {
        return new ClientContext(address, null, null);
    }

    /** A copy carrying a device token. */
    public ClientContext withDeviceToken(String token) {
        return new ClientContext(address, token, userAgent);
    }

    @Override
    public String toString() {
        return "ClientContext[address=" + address + ", device=" + (deviceToken == null ? "none" : "given") + "]";
    }
}
