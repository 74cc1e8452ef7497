package dev.userkit.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * The hops a request passed through as its proxies report them, nearest last: the {@code for=} and
 * {@code proto=} of RFC 7239's {@code Forwarded}, or {@code X-Forwarded-For} with
 * {@code X-Forwarded-Proto}, whichever one the proxies are configured to set
 * ({@link HttpSettings#forwardedHeader()}). Only that one is read: a proxy appends to the header it
 * knows and passes the other through as the client sent it, so reading both would let a client
 * forge its address. Only {@link TrustedProxies} reads them, and only from a trusted peer.
 */
final class ForwardedHops {
    /** More hops than this are not read: a longer chain is hostile or broken, and is cut to its nearest end. */
    static final int MAX_HOPS = 32;

    /** One hop: the address it names (null when obfuscated or unknown) and the protocol it was reached by. */
    record Hop(String address, String proto) {}

    private ForwardedHops() {}

    static List<Hop> of(HttpServletRequest request, boolean rfc7239) {
        if (rfc7239) return fromForwarded(values(request, "Forwarded"));
        List<String> xff = values(request, "X-Forwarded-For");
        List<String> proto = values(request, "X-Forwarded-Proto");
        String lastProto = proto.isEmpty() ? null : proto.get(proto.size() - 1).strip().toLowerCase(Locale.ROOT);
        List<Hop> hops = new ArrayList<>();
        for (String address : xff) hops.add(new Hop(address(address), null));
        // the proto is what the nearest proxy was reached by; without an address it still tells that
        if (lastProto != null && hops.isEmpty()) hops.add(new Hop(null, lastProto));
        else if (lastProto != null) hops.set(hops.size() - 1, new Hop(hops.get(hops.size() - 1).address(), lastProto));
        return nearest(hops);
    }

    private static List<Hop> fromForwarded(List<String> elements) {
        List<Hop> hops = new ArrayList<>();
        for (String element : elements) {
            String address = null;
            String proto = null;
            for (String pair : element.split(";")) {
                int eq = pair.indexOf('=');
                if (eq < 0) continue;
                String name = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                String value = unquote(pair.substring(eq + 1).strip());
                if (name.equals("for")) address = address(value);
                else if (name.equals("proto")) proto = value.toLowerCase(Locale.ROOT);
            }
            hops.add(new Hop(address, proto));
        }
        return nearest(hops);
    }

    /** Every comma-separated value of every header of this name, in order. */
    private static List<String> values(HttpServletRequest request, String name) {
        Enumeration<String> headers = request.getHeaders(name);
        if (headers == null) return List.of();
        List<String> out = new ArrayList<>();
        for (String header : Collections.list(headers)) {
            for (String v : header.split(",")) {
                if (!v.isBlank()) out.add(v.strip());
            }
        }
        return out;
    }

    /** An address without its port and brackets ({@code "[2001:db8::1]:4711"}, {@code 192.0.2.1:80}), or null if it is no literal. */
    private static String address(String value) {
        String v = value;
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            v = close < 0 ? v : v.substring(1, close);
        } else if (v.indexOf(':') == v.lastIndexOf(':') && v.indexOf(':') > 0) {
            v = v.substring(0, v.indexOf(':'));
        }
        return Cidr.literal(v) == null ? null : v;
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    private static List<Hop> nearest(List<Hop> hops) {
        return hops.size() <= MAX_HOPS ? hops : hops.subList(hops.size() - MAX_HOPS, hops.size());
    }
}
