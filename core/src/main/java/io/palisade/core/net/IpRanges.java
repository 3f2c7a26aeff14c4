package io.palisade.core.net;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv4.IPv4AddressTrie;
import inet.ipaddr.ipv6.IPv6AddressTrie;
import java.util.List;

/**
 * A set of IPv4 and IPv6 addresses and CIDR blocks, compiled into prefix tries (seancfoley's
 * IPAddress library), so that a lookup costs one parse and one trie walk whatever the list's size.
 * Parsing never consults DNS. Immutable and thread-safe.
 */
public final class IpRanges {

    /** Plain addresses and prefixes only: no wildcards, ranges, masks, inet_aton forms or host names. */
    static final IPAddressStringParameters STRICT = new IPAddressStringParameters.Builder()
            .allowEmpty(false).allowAll(false).allowSingleSegment(false).allowMask(false).allowPrefixOnly(false)
            .allowWildcardedSeparator(false)
            .getIPv4AddressParametersBuilder().allow_inet_aton(false).setRangeOptions(RangeParameters.NO_RANGE)
            .getParentBuilder()
            .getIPv6AddressParametersBuilder().setRangeOptions(RangeParameters.NO_RANGE)
            .getParentBuilder()
            .toParams();

    public static final IpRanges NONE = new IpRanges(List.of());

    private final IPv4AddressTrie v4 = new IPv4AddressTrie();
    private final IPv6AddressTrie v6 = new IPv6AddressTrie();
    private final int size;

    /**
     * @param items addresses and CIDR blocks such as {@code 10.0.0.0/8}, {@code 192.0.2.7}, {@code 2001:db8::/32}
     * @throws IllegalArgumentException naming the first item that is not one
     */
    public IpRanges(List<String> items) {
        for (String item : items) {
            IPAddress block = parse(item.strip());
            if (block == null) {
                throw new IllegalArgumentException("not an IP address or CIDR block: " + item);
            }
            block = block.toPrefixBlock();
            if (block.isIPv4()) {
                v4.add(block.toIPv4());
            } else {
                v6.add(block.toIPv6());
            }
        }
        this.size = items.size();
    }

    /** Whether {@code text} is an address or CIDR block this class accepts. */
    public static boolean isAddressOrBlock(String text) {
        return text != null && parse(text.strip()) != null;
    }

    /** The address in {@code text}, or {@code null} when it is not a plain IPv4 or IPv6 address. */
    static IPAddress parse(String text) {
        if (text.isEmpty() || text.length() > 64 || text.indexOf('%') >= 0) {
            return null; // zones (fe80::1%eth0) name a local interface: not a client or a range
        }
        IPAddressString string = new IPAddressString(text, STRICT);
        return string.isIPAddress() ? string.getAddress() : null;
    }

    /** The single address in {@code text} (no prefix length), or {@code null}. */
    static IPAddress parseAddress(String text) {
        IPAddress address = parse(text);
        return address == null || address.isPrefixed() ? null : address;
    }

    /** Whether the address {@code address} (no port, no brackets) falls in one of the ranges. */
    public boolean contains(String address) {
        if (size == 0 || address == null) {
            return false;
        }
        IPAddress parsed = parseAddress(address);
        return parsed != null && contains(parsed);
    }

    boolean contains(IPAddress address) {
        if (address.isIPv4()) {
            return v4.elementContains(address.toIPv4());
        }
        if (address.isIPv4Convertible()) {
            // ::ffff:192.0.2.1 is the IPv4 client on a dual-stack socket.
            return v4.elementContains(address.toIPv4()) || v6.elementContains(address.toIPv6());
        }
        return v6.elementContains(address.toIPv6());
    }

    public boolean isEmpty() {
        return size == 0;
    }
}
