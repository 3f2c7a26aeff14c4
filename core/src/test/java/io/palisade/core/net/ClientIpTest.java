package io.palisade.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientIpTest {

    private final ClientIp xff = new ClientIp(new IpRanges(List.of("10.0.0.0/8", "2001:db8:ffff::/48")), "X-Forwarded-For");
    private final ClientIp rfc7239 = new ClientIp(new IpRanges(List.of("10.0.0.0/8")), "Forwarded");

    private static String client(ClientIp resolver, String peer, List<String> header) {
        return resolver.resolve(peer, header).client();
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItsHeadersSay() {
        assertThat(client(xff, "203.0.113.5", List.of("198.51.100.1"))).isEqualTo("203.0.113.5");
        assertThat(client(xff, "::ffff:203.0.113.5", List.of("198.51.100.1"))).isEqualTo("203.0.113.5");
        assertThat(new ClientIp(IpRanges.NONE, "X-Forwarded-For").header()).isNull();
    }

    @Test
    void aTrustedProxysHeaderIsWalkedFromTheRightSkippingTrustedHops() {
        assertThat(client(xff, "10.0.0.2", List.of("198.51.100.1, 203.0.113.9, 10.1.1.1"))).isEqualTo("203.0.113.9");
        // A client cannot hide behind a value it wrote itself on the left.
        assertThat(client(xff, "10.0.0.2", List.of("1.2.3.4", "203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(client(xff, "10.0.0.2", List.of("10.9.9.9, 10.8.8.8"))).as("only trusted proxies: unknown").isNull();
        assertThat(xff.resolve("10.0.0.2", List.of("10.9.9.9, 10.8.8.8")).parsed()).containsExactly("10.0.0.2", "10.8.8.8",
                "10.9.9.9");
        assertThat(client(xff, "10.0.0.2", List.of())).isEqualTo("10.0.0.2");
    }

    @Test
    void portsBracketsAndIpv6FormsAreParsed() {
        assertThat(client(xff, "10.0.0.2", List.of("[2001:DB8::1]:4711"))).isEqualTo("2001:db8::1");
        assertThat(client(xff, "10.0.0.2", List.of("192.0.2.60:80"))).isEqualTo("192.0.2.60");
        assertThat(client(xff, "2001:db8:ffff::7", List.of("2001:0db8:0000::0002"))).isEqualTo("2001:db8::2");
        assertThat(client(rfc7239, "10.0.0.2", List.of("for=192.0.2.43, for=\"[2001:db8:cafe::17]:4711\";proto=https"))).isEqualTo("2001:db8:cafe::17");
        assertThat(client(rfc7239, "10.0.0.2", List.of("proto=http;For=198.51.100.17;by=10.0.0.2"))).isEqualTo("198.51.100.17");
    }

    @Test
    void garbageMakesTheClientUnknownAndKeepsWhatParsed() {
        ClientIp.Resolution garbage = xff.resolve("10.0.0.2", List.of("203.0.113.9, not-an-ip, 10.1.1.1"));
        assertThat(garbage.client()).isNull();
        assertThat(garbage.parsed()).containsExactly("10.0.0.2", "10.1.1.1");
        assertThat(client(rfc7239, "10.0.0.2", List.of("for=unknown"))).isNull();
        assertThat(client(rfc7239, "10.0.0.2", List.of("for=_hidden, for=10.3.3.3"))).isNull();
        assertThat(client(rfc7239, "10.0.0.2", List.of("proto=https"))).as("an element without for=").isNull();
        assertThat(client(xff, "10.0.0.2", List.of("203.0.113.9/8"))).isNull();
        assertThat(client(xff, null, List.of("203.0.113.9"))).isNull();
    }

    @Test
    void paddingOnTheLeftChangesNothingAndTheWalkIsBounded() {
        // 200 junk entries ahead of the real client: the walk decides on the right.
        String padded = "junk, ".repeat(200) + "198.51.100.7";
        assertThat(client(xff, "10.0.0.2", List.of(padded))).isEqualTo("198.51.100.7");
        String manyProxies = "198.51.100.7, " + "10.0.0.9, ".repeat(200) + "10.0.0.8";
        assertThat(client(xff, "10.0.0.2", List.of(manyProxies))).as("every hop walked, none skipped")
                .isEqualTo("198.51.100.7");
        // More than MAX_HEADER_CHARS of trusted hops: unknown, never the proxy.
        String endless = "198.51.100.7, " + "10.0.0.9, ".repeat(ClientIp.MAX_HEADER_CHARS / 10 + 10) + "10.0.0.8";
        ClientIp.Resolution cut = xff.resolve("10.0.0.2", List.of(endless));
        assertThat(cut.client()).isNull();
        assertThat(cut.parsed()).contains("10.0.0.9");
    }

    @Test
    void rangesMatchV4V6AndMappedAddressesAndRejectHostNamesAndWildcards() {
        IpRanges ranges = new IpRanges(List.of("192.168.0.0/16", "203.0.113.7", "2001:db8::/32", "198.51.100.9/24"));
        assertThat(ranges.contains("192.168.44.1")).isTrue();
        assertThat(ranges.contains("203.0.113.7")).isTrue();
        assertThat(ranges.contains("203.0.113.8")).isFalse();
        assertThat(ranges.contains("198.51.100.200")).as("host bits in a block are ignored").isTrue();
        assertThat(ranges.contains("2001:db8:1::1")).isTrue();
        assertThat(ranges.contains("::ffff:192.168.1.1")).isTrue();
        assertThat(ranges.contains("localhost")).isFalse();
        for (String bad : List.of("example.com", "10.*.0.1", "10.0.0.1-5", "*", "", "10.0.0.0/33", "1", "0x7f.1")) {
            assertThat(IpRanges.isAddressOrBlock(bad)).as(bad).isFalse();
            assertThatThrownBy(() -> new IpRanges(List.of(bad))).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
