package io.palisade.core.net;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Resolves the client's address: the socket peer, unless the peer is a trusted proxy; then the
 * configured header ({@code X-Forwarded-For} by default, or RFC 7239 {@code Forwarded}) is walked from
 * right to left over all its entries, skipping trusted proxies, and the first entry that is not one is
 * the client. A header from an untrusted peer is never read.
 *
 * <p>The client is <em>unknown</em> ({@code null}) when the walk meets an entry that is not an address
 * ({@code unknown}, an obfuscated name, garbage), when every entry is a trusted proxy, or when it has
 * read {@link #MAX_HEADER_CHARS} characters without reaching an untrusted address. Padding the header
 * on the left therefore changes nothing (the walk decides on the right-most entries), and junk cannot
 * make a trusted proxy pass for the client. The addresses that did parse on the way come with the
 * answer, so that a denylist can still match them. Ports, brackets and IPv6 forms are parsed.
 * Immutable, thread-safe.
 */
public final class ClientIp {

    /** Characters of the forwarding header the walk reads at most, from the right. */
    public static final int MAX_HEADER_CHARS = 8 * 1024;

    private final IpRanges trustedProxies;
    private final String header;
    private final boolean forwarded;
    /**
     * Socket peers already parsed: a server sees the same few (a load balancer, the clients of the
     * moment) over and over, and parsing an address costs microseconds. Bounded: emptied when full.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, Peer> peers = new java.util.concurrent.ConcurrentHashMap<>();
    static final int MAX_CACHED_PEERS = 4096;

    /** A parsed socket peer: its canonical form, and whether it is a trusted proxy. */
    private static final class Peer {
        private final String canonical;
        private final boolean trusted;
        /** The answer for this peer when no header is to be read: built once. */
        private final Resolution resolution;

        Peer(String canonical, boolean trusted) {
            this.canonical = canonical;
            this.trusted = trusted;
            this.resolution = new Resolution(canonical, List.of());
        }

        String canonical() {
            return canonical;
        }

        boolean trusted() {
            return trusted;
        }
    }

    /** The parsed peer, from the cache when seen before; {@code null} when it is not an address. */
    private Peer peer(String text) {
        Peer known = peers.get(text);
        if (known != null) {
            return known;
        }
        IPAddress address = IpRanges.parseAddress(stripPort(text.strip()));
        if (address == null) {
            return null;
        }
        known = new Peer(canonical(address), trustedProxies.contains(address));
        if (peers.size() >= MAX_CACHED_PEERS) {
            peers.clear();
        }
        peers.put(text, known);
        return known;
    }

    /** The outcome: the client, or {@code null} when unknown, and the addresses that parsed on the way. */
    public record Resolution(String client, List<String> parsed) {

        static final Resolution UNKNOWN = new Resolution(null, List.of());

        public Resolution {
            parsed = List.copyOf(parsed);
        }
    }

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
     * @param headerValues every value of {@link #header()} in the order received (may be empty or {@code null})
     */
    public Resolution resolve(String peer, List<String> headerValues) {
        Peer known = peer == null ? null : peer(peer);
        if (known == null) {
            return Resolution.UNKNOWN;
        }
        if (!known.trusted() || headerValues == null || headerValues.isEmpty()) {
            return known.resolution;
        }
        List<String> parsed = new ArrayList<>();
        parsed.add(known.canonical());
        int budget = MAX_HEADER_CHARS;
        for (int v = headerValues.size() - 1; v >= 0; v--) {
            String value = headerValues.get(v);
            if (value == null) {
                continue;
            }
            int end = value.length();
            while (end >= 0) {
                int comma = value.lastIndexOf(',', end - 1);
                budget -= end - comma;
                if (budget < 0) {
                    return new Resolution(null, parsed);
                }
                String element = value.substring(comma + 1, end);
                String hop = forwarded ? forwardedFor(element) : element.strip();
                IPAddress address = hop == null || hop.isEmpty() ? null : IpRanges.parseAddress(stripPort(hop));
                if (address == null) {
                    return new Resolution(null, parsed);
                }
                String canonical = canonical(address);
                if (!trustedProxies.contains(address)) {
                    return new Resolution(canonical, List.of());
                }
                parsed.add(canonical);
                end = comma;
            }
        }
        return new Resolution(null, parsed);
    }

    /** The {@code for=} parameter of one RFC 7239 element, unquoted; {@code null} when absent. */
    static String forwardedFor(String element) {
        int from = 0;
        while (from <= element.length()) {
            int semicolon = element.indexOf(';', from);
            String pair = element.substring(from, semicolon < 0 ? element.length() : semicolon);
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("for")) {
                String value = pair.substring(equals + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value;
            }
            if (semicolon < 0) {
                break;
            }
            from = semicolon + 1;
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
