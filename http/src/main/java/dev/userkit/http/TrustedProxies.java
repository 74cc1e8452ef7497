package dev.userkit.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * The configured proxies whose forwarding headers are believed (SEC-30). A request's client is the
 * connection's peer, unless that peer is a trusted proxy: then the forwarded chain is read from its
 * nearest end, and the first hop that is not itself a trusted proxy is the client, with the
 * protocol the proxy that received it reports. A forged {@code X-Forwarded-For} or
 * {@code X-Forwarded-Proto} from anyone else changes nothing, so nobody can choose the address that
 * throttling (SEC-09) counts against or make a plain connection pass for TLS.
 */
final class TrustedProxies {
    /** The client as far as trusted proxies vouch for it: its address, and whether it reached the edge over TLS. */
    record Client(String address, boolean secure) {}

    private final List<Cidr> blocks;
    private final boolean rfc7239;

    TrustedProxies(List<String> cidrs, String forwardedHeader) {
        this.blocks = cidrs.stream().map(Cidr::parse).toList();
        this.rfc7239 = forwardedHeader.equals(HttpSettings.FORWARDED);
    }

    Client client(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        boolean secure = request.isSecure();
        if (!trusted(peer)) return new Client(peer, secure);
        List<ForwardedHops.Hop> hops = ForwardedHops.of(request, rfc7239);
        for (int i = hops.size() - 1; i >= 0; i--) {
            ForwardedHops.Hop hop = hops.get(i);
            if (hop.proto() != null) secure = hop.proto().equals("https");
            // an obfuscated or unknown hop ends what can be vouched for: the proxy that named it is the client we know
            if (hop.address() == null) return new Client(peer, secure);
            if (!trusted(hop.address())) return new Client(hop.address(), secure);
            peer = hop.address();
        }
        return new Client(peer, secure);
    }

    private boolean trusted(String address) {
        for (Cidr c : blocks) {
            if (c.contains(address)) return true;
        }
        return false;
    }
}
