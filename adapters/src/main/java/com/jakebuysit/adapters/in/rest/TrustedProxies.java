package com.jakebuysit.adapters.in.rest;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The proxies (load balancers) whose {@code X-Forwarded-For} we believe, as CIDR blocks (IPv4 and
 * IPv6), and the rule that finds the client behind them: only when the connection comes from a
 * trusted proxy, walk {@code X-Forwarded-For} from the right past trusted hops; the first address
 * that is not a trusted proxy is the client. Anything left of it was written by whoever the client
 * is, so it is never read. An entry that is not an IP address ends the walk at the last trusted hop.
 *
 * <p>Addresses are parsed as literals only: nothing here ever asks DNS.
 */
public final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("([0-9.]+):\\d{1,5}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern BRACKETED_V6 = Pattern.compile("\\[([0-9A-Fa-f:.]+)](:\\d{1,5})?");

    /** One CIDR block, held as its network bytes (host bits cleared) and prefix length. */
    record Block(byte[] network, int prefixBits) {

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefixBits / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /**
     * @param commaSeparated CIDR blocks such as {@code 10.0.0.0/8, 2001:db8::/32}; a bare address is
     *                       one host. Null or blank: none.
     * @throws IllegalArgumentException naming the first entry that is not a CIDR block
     */
    public static TrustedProxies parse(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return none();
        }
        List<Block> blocks = new ArrayList<>();
        for (String raw : commaSeparated.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            blocks.add(block(entry));
        }
        return new TrustedProxies(blocks);
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    public boolean trusts(InetAddress address) {
        for (Block block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client's address for a request.
     *
     * @param peer the connection's remote address as the server reports it
     * @param forwardedFor every {@code X-Forwarded-For} header of the request, in order
     * @return {@code peer} unchanged when it is not a trusted proxy (or the header is absent),
     *         otherwise the address found by walking the header from the right
     */
    public String clientAddress(String peer, List<String> forwardedFor) {
        Optional<InetAddress> connection = literal(peer);
        if (connection.isEmpty() || !trusts(connection.get()) || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> entries = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String entry : header.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry);
                }
            }
        }
        InetAddress client = connection.get();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(entries.get(i));
            if (hop.isEmpty()) {
                // Not an address: nothing at or left of it is believed; the last trusted hop stands.
                break;
            }
            client = hop.get();
            if (!trusts(client)) {
                break;
            }
        }
        return client == connection.get() ? peer : client.getHostAddress();
    }

    /**
     * An IP address literal, as a peer or an {@code X-Forwarded-For} entry may spell it: IPv4
     * (optionally with a port), IPv6 (optionally in brackets, with a port). Never resolves a name.
     */
    static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        var bracketed = BRACKETED_V6.matcher(value);
        if (bracketed.matches()) {
            value = bracketed.group(1);
        } else {
            var withPort = IPV4_WITH_PORT.matcher(value);
            if (withPort.matches()) {
                value = withPort.group(1);
            }
        }
        if (IPV4.matcher(value).matches()) {
            return parseLiteral(value);
        }
        // Containing ':' makes the JDK parse it as an IPv6 literal or refuse it, never look it up.
        if (value.indexOf(':') >= 0 && IPV6.matcher(value).matches()) {
            return parseLiteral(value);
        }
        return Optional.empty();
    }

    private static Optional<InetAddress> parseLiteral(String literal) {
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Block block(String entry) {
        int slash = entry.indexOf('/');
        String addressPart = slash < 0 ? entry : entry.substring(0, slash);
        InetAddress address = literal(addressPart)
                .filter(a -> !addressPart.contains("[") && !IPV4_WITH_PORT.matcher(addressPart).matches())
                .orElseThrow(() -> new IllegalArgumentException("not a CIDR block: '" + entry + "'"));
        int maxBits = address.getAddress().length * 8;
        // An IPv4-mapped IPv6 literal (::ffff:a.b.c.d) arrives as IPv4; its prefix counts IPv6 bits.
        boolean mapped = address instanceof Inet4Address && addressPart.contains(":");
        int bits;
        if (slash < 0) {
            bits = maxBits;
        } else {
            String prefix = entry.substring(slash + 1).strip();
            if (!prefix.matches("\\d{1,3}")) {
                throw new IllegalArgumentException("not a CIDR block: '" + entry + "'");
            }
            bits = Integer.parseInt(prefix) - (mapped ? 96 : 0);
            if (bits < 0 || bits > maxBits) {
                throw new IllegalArgumentException("prefix length out of range in '" + entry + "'");
            }
        }
        byte[] network = address.getAddress();
        for (int bit = bits; bit < maxBits; bit++) {
            network[bit / 8] &= (byte) ~(1 << (7 - bit % 8));
        }
        return new Block(network, bits);
    }
}
