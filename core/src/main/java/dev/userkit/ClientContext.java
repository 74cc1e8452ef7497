package dev.userkit;

import dev.userkit.domain.Limits;
import dev.userkit.domain.TextRules;
import dev.userkit.domain.TextRules.Lines;
import java.util.Locale;

/**
 * What the application knows about the caller of a sensitive operation: used for throttling
 * per address (SEC-09), send-rate limits (SEC-25), device control (D1) and audit events (H3).
 * Every field may be null.
 *
 * @param address the client's network address as the application sees it
 * @param deviceToken a client-held random secret identifying the device (at least 128 bits)
 * @param userAgent the client's user agent string
 * @param knownClientToken the known-client token an earlier successful login of this client was
 *                         given ({@link dev.userkit.sessions.LoginResult#knownClientToken()}, S11):
 *                         with it, a login is limited only by this client's own failures (SEC-28)
 * @param locale the language the request asked for (an {@code Accept-Language}'s first choice), used
 *               for messages to a user who has stored none
 */
public record ClientContext(String address, String deviceToken, String userAgent, String knownClientToken, Locale locale) {
    /**
     * Checks the texts a store may keep or key on (SEC-29): the address (at most
     * {@link Limits#CLIENT_ADDRESS} code points) and the user agent (at most {@link Limits#USER_AGENT})
     * are single-line text as {@link TextRules} says. The device token is checked where it is used (805).
     *
     * @param address see {@link #address()}
     * @param deviceToken see {@link #deviceToken()}
     * @param userAgent see {@link #userAgent()}
     * @param knownClientToken see {@link #knownClientToken()}
     * @param locale see {@link #locale()}
     * @throws UserKitException INVALID_ARGUMENT (1010) for an address or user agent over its cap or with a refused character
     */
    public ClientContext {
        TextRules.check(address, "Client address", Limits.CLIENT_ADDRESS, Lines.SINGLE, ErrorCode.INVALID_ARGUMENT);
        TextRules.check(userAgent, "User agent", Limits.USER_AGENT, Lines.SINGLE, ErrorCode.INVALID_ARGUMENT);
    }

    /** No information about the client. */
    public static final ClientContext NONE = new ClientContext(null, null, null, null, null);

    /**
     * A context with an address, a device token and a user agent (each may be null), no known-client token.
     *
     * @param address the client's network address, or null
     * @param deviceToken the device token the client presented, or null
     * @param userAgent the client's user agent, or null
     */
    public ClientContext(String address, String deviceToken, String userAgent) {
        this(address, deviceToken, userAgent, null, null);
    }

    /**
     * A context with only an address.
     *
     * @param address the client's network address
     * @return the context
     */
    public static ClientContext fromAddress(String address) {
        return new ClientContext(address, null, null, null, null);
    }

    /**
     * A copy carrying a device token.
     *
     * @param token the device token the client presented
     * @return the copy
     */
    public ClientContext withDeviceToken(String token) {
        return new ClientContext(address, token, userAgent, knownClientToken, locale);
    }

    /**
     * A copy carrying a known-client token (S11).
     *
     * @param token the known-client token the client presented
     * @return the copy
     */
    public ClientContext withKnownClientToken(String token) {
        return new ClientContext(address, deviceToken, userAgent, token, locale);
    }

    /**
     * A context with the first four fields and no locale.
     *
     * @param address see {@link #address()}
     * @param deviceToken see {@link #deviceToken()}
     * @param userAgent see {@link #userAgent()}
     * @param knownClientToken see {@link #knownClientToken()}
     */
    public ClientContext(String address, String deviceToken, String userAgent, String knownClientToken) {
        this(address, deviceToken, userAgent, knownClientToken, null);
    }

    /**
     * This context with the language the request asked for.
     *
     * @param l the locale, or null
     * @return the copy
     */
    public ClientContext withLocale(Locale l) {
        return new ClientContext(address, deviceToken, userAgent, knownClientToken, l);
    }

    @Override
    public String toString() {
        // secrets never reach a log line (SEC-24): only whether they were given
        return "ClientContext[address=" + address + ", device=" + given(deviceToken) + ", knownClient=" + given(knownClientToken) + ", locale=" + locale + "]";
    }

    private static String given(String secret) {
        return secret == null ? "none" : "given";
    }
}
