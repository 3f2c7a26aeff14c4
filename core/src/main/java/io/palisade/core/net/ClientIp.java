package io.palisade.core.net;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Resolves the client's address: the socket peer, unless the peer is a trusted proxy; then the
 * configured header ({@code X-Forwarded-For} by default, or RFC 7239 {@code Forwarded}) is walked
 * from right to left, skipping trusted proxies, and the first address that is not one is the client.
 * A header from an untrusted peer is never read. Ports, brackets and IPv6 forms are parsed; an entry
 * that is not an address ({@code unknown}, an obfuscated name, garbage) ends the walk, and the last
 * address reached is the answer. Immutable, thread-safe.
 */
public final class ClientIp {

    /** At most this many hops of a header are examined. */
    static final int MAX_HOPS = 32;

    private final IpRanges trustedProxies;
    private final String header;
    private final boolean forwarded;

    public ClientIp(IpRanges trustedProxies, String header) {
        this.trustedProxies = trustedProxies;
        this.header = header;
        this.forwarded = header.equalsIgnoreCase("Forwarded");
    }

    /** The header to pass to {@link #resolve}, or {@code null} when no proxy is trusted (no header is read). */
    public String header() {
        return trustedProxies.isEmpty() ? null : header;
    }

    /**
     * @param peer the socket peer's address, or {@code null} when the runtime does not tell
     * @param headerValues every value of {@link #header()} in the order received (may be empty)
     * @return the client's address in canonical form, or {@code null} when the peer is unknown
     */
    public String resolve(String peer, List<String> headerValues) {
        IPAddress current = peer == null ? null : IpRanges.parseAddress(stripPort(peer.strip()));
        if (current == null) {
            return null;
        }
        if (!trustedProxies.contains(current) || headerValues == null || headerValues.isEmpty()) {
            return canonical(current);
        }
        List<String> hops = hops(headerValues);
        for (int i = hops.size() - 1; i >= 0 && hops.size() - i <= MAX_HOPS; i--) {
            IPAddress hop = IpRanges.parseAddress(stripPort(hops.get(i)));
            if (hop == null) {
                break;
            }
            current = hop;
            if (!trustedProxies.contains(hop)) {
                break;
            }
        }
        return canonical(current);
    }

    private List<String> hops(List<String> values) {
        List<String> hops = new ArrayList<>();
        for (String value : values) {
            for (String element : value.split(",", MAX_HOPS * 4)) {
                String hop = forwarded ? forwardedFor(element) : element.strip();
                hops.add(hop == null ? "" : hop);
            }
        }
        return hops;
    }

    /** The {@code for=} parameter of one RFC 7239 element, unquoted; {@code null} when absent. */
    static String forwardedFor(String element) {
        for (String pair : element.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("for")) {
                String value = pair.substring(equals + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value;
            }
        }
        return null;
    }

    /** {@code [2001:db8::1]:443} → {@code 2001:db8::1}; {@code 192.0.2.1:80} → {@code 192.0.2.1}. */
    static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            return close > 0 ? hop.substring(1, close) : hop;
        }
        int colon = hop.indexOf(':');
        if (colon > 0 && colon == hop.lastIndexOf(':') && hop.indexOf('.') > 0) {
            return hop.substring(0, colon);
        }
        return hop;
    }

    private static String canonical(IPAddress address) {
        IPAddress plain = address.isIPv6() && address.isIPv4Convertible() && address.toIPv6().isIPv4Mapped()
                ? address.toIPv4() : address;
        return plain.withoutPrefixLength().toCanonicalString();
    }
}
