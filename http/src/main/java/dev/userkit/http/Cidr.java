package dev.userkit.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A block of addresses in CIDR notation ({@code 10.0.0.0/8}, {@code ::1/128}; a bare address is
 * one host), for naming trusted proxies. Only address literals are accepted: a host name would make
 * the check depend on DNS.
 */
record Cidr(byte[] network, int prefix) {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /**
     * Parses a block; fails at start-up with the offending text.
     *
     * @throws IllegalArgumentException for anything but an address literal with an optional prefix length
     */
    static Cidr parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        byte[] address = literal(slash < 0 ? t : t.substring(0, slash));
        if (address == null) throw new IllegalArgumentException("Not an IP address or CIDR block: " + text);
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) throw new IllegalArgumentException("CIDR prefix out of range: " + text);
        }
        return new Cidr(address, prefix);
    }

    /** The bytes of an IPv4 or IPv6 literal, or null for anything else (never a DNS lookup). */
    static byte[] literal(String text) {
        if (text == null) return null;
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!IPV4.matcher(t).matches() && !IPV6.matcher(t).matches()) return null;
        try {
            byte[] b = InetAddress.getByName(t).getAddress();
            return b.length == 16 && isMappedV4(b) ? java.util.Arrays.copyOfRange(b, 12, 16) : b;
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    /** Whether an address literal lies in this block; an IPv4-mapped IPv6 address counts as IPv4. */
    boolean contains(String address) {
        byte[] a = literal(address);
        if (a == null || a.length != network.length) return false;
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) return false;
        }
        int rest = prefix % 8;
        if (rest == 0) return true;
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (a[full] & mask) == (network[full] & mask);
    }

    private static boolean isMappedV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) return false;
        }
        return b[10] == (byte) 0xFF && b[11] == (byte) 0xFF;
    }
}
