package com.jakebuysit.adapters.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

    private static final TrustedProxies LB = TrustedProxies.parse("10.0.0.0/8, 192.168.1.7, 2001:db8::/32");

    @Test
    void cidrBlocksOfBothFamiliesAndBareHostsAreTrusted() throws Exception {
        assertThat(LB.trusts(InetAddress.getByName("10.200.3.4"))).isTrue();
        assertThat(LB.trusts(InetAddress.getByName("11.0.0.1"))).isFalse();
        assertThat(LB.trusts(InetAddress.getByName("192.168.1.7"))).isTrue();
        assertThat(LB.trusts(InetAddress.getByName("192.168.1.8"))).isFalse();
        assertThat(LB.trusts(InetAddress.getByName("2001:db8:ffff::1"))).isTrue();
        assertThat(LB.trusts(InetAddress.getByName("2001:db9::1"))).isFalse();
        // An IPv4 block never matches an IPv6 address and the other way round.
        assertThat(TrustedProxies.parse("0.0.0.0/0").trusts(InetAddress.getByName("::1"))).isFalse();
        assertThat(TrustedProxies.parse("::/0").trusts(InetAddress.getByName("127.0.0.1"))).isFalse();
    }

    @Test
    void prefixesThatAreNotWholeBytesMaskTheRightBits() throws Exception {
        TrustedProxies block = TrustedProxies.parse("172.16.0.0/12");
        assertThat(block.trusts(InetAddress.getByName("172.31.255.255"))).isTrue();
        assertThat(block.trusts(InetAddress.getByName("172.32.0.0"))).isFalse();
        assertThat(block.trusts(InetAddress.getByName("172.15.255.255"))).isFalse();
        // Host bits given in the block are ignored: 10.1.2.3/8 is 10.0.0.0/8.
        assertThat(TrustedProxies.parse("10.1.2.3/8").trusts(InetAddress.getByName("10.9.9.9"))).isTrue();
        assertThat(TrustedProxies.parse("fe80::/10").trusts(InetAddress.getByName("febf::1"))).isTrue();
        assertThat(TrustedProxies.parse("fe80::/10").trusts(InetAddress.getByName("fec0::1"))).isFalse();
    }

    @Test
    void emptyConfigurationTrustsNobody() {
        assertThat(TrustedProxies.parse("").isEmpty()).isTrue();
        assertThat(TrustedProxies.parse(null).isEmpty()).isTrue();
        assertThat(TrustedProxies.parse(" , ").isEmpty()).isTrue();
        assertThat(TrustedProxies.none().clientAddress("10.0.0.1", List.of("203.0.113.9"))).isEqualTo("10.0.0.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "::/129", "10.0.0.0/-1", "10.0.0/8", "010.0.0.1", "proxy.internal",
            "10.0.0.0/8/8", "10.0.0.0/", "1.2.3.4:80", "[::1]", "fe80::1%eth0", "10.0.0.0/x"})
    void aMalformedBlockStopsTheStartNamingIt(String entry) {
        assertThatThrownBy(() -> TrustedProxies.parse("192.168.0.0/16," + entry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(entry);
    }

    @Test
    void anUntrustedPeersHeaderIsIgnored() {
        assertThat(LB.clientAddress("203.0.113.5", List.of("198.51.100.1"))).isEqualTo("203.0.113.5");
        assertThat(LB.clientAddress("203.0.113.5", List.of())).isEqualTo("203.0.113.5");
    }

    @Test
    void aTrustedPeerNamesTheClientAsTheRightmostUntrustedHop() {
        assertThat(LB.clientAddress("10.0.0.1", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
        // Whatever the client wrote itself is left of what the proxies appended, and is never read.
        assertThat(LB.clientAddress("10.0.0.1", List.of("1.1.1.1, 198.51.100.1"))).isEqualTo("198.51.100.1");
        // Two proxies: the inner one is skipped as trusted.
        assertThat(LB.clientAddress("10.0.0.1", List.of("1.1.1.1, 198.51.100.1, 10.0.0.9")))
                .isEqualTo("198.51.100.1");
        // Several headers are one list, in order.
        assertThat(LB.clientAddress("10.0.0.1", List.of("1.1.1.1", "198.51.100.1, 192.168.1.7")))
                .isEqualTo("198.51.100.1");
    }

    @Test
    void onlyTrustedHopsMeansTheFarthestOneIsTheClient() {
        assertThat(LB.clientAddress("10.0.0.1", List.of("10.0.0.3, 10.0.0.2"))).isEqualTo("10.0.0.3");
    }

    @Test
    void aMalformedEntryIsNeverUsedAndEndsTheWalk() {
        assertThat(LB.clientAddress("10.0.0.1", List.of("not-an-ip"))).isEqualTo("10.0.0.1");
        assertThat(LB.clientAddress("10.0.0.1", List.of("198.51.100.1, unknown"))).isEqualTo("10.0.0.1");
        assertThat(LB.clientAddress("10.0.0.1", List.of("198.51.100.1, garbage, 10.0.0.5"))).isEqualTo("10.0.0.5");
        assertThat(LB.clientAddress("10.0.0.1", List.of("999.1.1.1"))).isEqualTo("10.0.0.1");
        // Blank entries (a trailing comma) are not entries at all.
        assertThat(LB.clientAddress("10.0.0.1", List.of("198.51.100.1, "))).isEqualTo("198.51.100.1");
    }

    @Test
    void portsAndBracketsAsSomeProxiesWriteThemAreUnderstood() {
        assertThat(LB.clientAddress("10.0.0.1", List.of("198.51.100.1:4711"))).isEqualTo("198.51.100.1");
        assertThat(LB.clientAddress("10.0.0.1", List.of("[2001:db9::7]:443"))).isEqualTo("2001:db9:0:0:0:0:0:7");
        assertThat(LB.clientAddress("10.0.0.1", List.of("2001:db9::7"))).isEqualTo("2001:db9:0:0:0:0:0:7");
        // The peer as Jetty may report an IPv6 connection.
        assertThat(LB.clientAddress("[2001:db8::1]", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
    }

    @Test
    void literalsAreNeverLookedUp() {
        assertThat(TrustedProxies.literal("localhost")).isEmpty();
        assertThat(TrustedProxies.literal("1abc.example")).isEmpty();
        assertThat(TrustedProxies.literal("1.2.3")).isEmpty();
        assertThat(TrustedProxies.literal("::ffff:198.51.100.1")).hasValueSatisfying(
                a -> assertThat(a.getHostAddress()).isEqualTo("198.51.100.1"));
    }
}
