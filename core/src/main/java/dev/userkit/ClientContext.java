package dev.userkit;

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
