package dev.userkit.http;

import dev.userkit.ClientContext;
import dev.userkit.UserKitException;
import jakarta.servlet.http.HttpServletRequest;

/** Builds the {@link ClientContext} of a request from the connection and the configured sources. */
final class ClientContexts {
    private final TokenSource deviceToken;
    private final TokenSource knownClientToken;

    ClientContexts(HttpSettings settings) {
        this.deviceToken = settings.deviceToken();
        this.knownClientToken = settings.knownClientToken();
    }

    /** The context of a request whose client the trusted proxies vouched for. */
    ClientContext of(HttpServletRequest request, TrustedProxies.Client client) {
        String userAgent = request.getHeader("User-Agent");
        ClientContext context;
        try {
            context = new ClientContext(client.address(), deviceToken.read(request), userAgent, knownClientToken.read(request));
        } catch (UserKitException refusedUserAgent) {
            // the address is a literal the proxies vouched for; only a hostile or over-long user agent lands here, and is dropped
            context = new ClientContext(client.address(), deviceToken.read(request), null, knownClientToken.read(request));
        }
        return context.withLocale(RequestLocale.firstChoice(request.getHeader("Accept-Language")));
    }
}
