package io.diffyne.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code DIFFYNE_TRUSTED_PROXIES}: the reverse proxies whose {@code X-Forwarded-*} headers are believed. Only a
 * request whose direct peer is one of them may name another client address or another scheme and host; from anyone
 * else those headers are the client's own claims. Entries are IP literals or CIDR blocks, IPv4 or IPv6, e.g.
 * {@code 127.0.0.1,::1,10.0.0.0/8} (the default is loopback only: {@code 127.0.0.1,::1}).
 */
public final class TrustedProxies {

    public static final String DEFAULT = "127.0.0.1,::1";
    /** An IPv4 or IPv6 literal, never a host name (which would need a lookup). */
    private static final Pattern LITERAL = Pattern.compile("[0-9.]{7,15}|[0-9A-Fa-f:.]{2,45}");

    private final List<String> entries;
    private final List<byte[]> networks;
    private final int[] prefixes;

    private TrustedProxies(List<String> entries, List<byte[]> networks, int[] prefixes) {
        this.entries = List.copyOf(entries);
        this.networks = networks;
        this.prefixes = prefixes;
    }

    /**
     * Parses a comma-separated list; {@code ""} trusts nobody.
     *
     * @throws IllegalArgumentException naming the first entry that is not an IP literal or CIDR block
     */
    public static TrustedProxies parse(String value) {
        List<String> entries = new ArrayList<>();
        List<byte[]> networks = new ArrayList<>();
        List<Integer> prefixes = new ArrayList<>();
        for (String part : value.split(",")) {
            String entry = part.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            byte[] address = literal(slash < 0 ? entry : entry.substring(0, slash));
            int bits = address == null ? -1 : address.length * 8;
            int prefix = bits;
            if (address != null && slash >= 0) {
                String length = entry.substring(slash + 1);
                prefix = length.matches("[0-9]{1,3}") ? Integer.parseInt(length) : -1;
            }
            if (address == null || prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException(entry);
            }
            entries.add(entry);
            networks.add(address);
            prefixes.add(prefix);
        }
        return new TrustedProxies(entries, networks, prefixes.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Whether {@code address} (an IP literal; anything else never is) is a trusted proxy. */
    public boolean trusts(String address) {
        byte[] candidate = address == null ? null : literal(address.trim());
        if (candidate == null) {
            return false;
        }
        for (int i = 0; i < networks.size(); i++) {
            if (within(candidate, networks.get(i), prefixes[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client's address: the peer's, or, when the peer is a trusted proxy, the rightmost {@code X-Forwarded-For}
     * hop that is not a trusted proxy (every proxy appends the address it got the request from, so entries left of
     * the first untrusted one are the client's own claims). A malformed hop ends the walk at the hop after it.
     */
    public String clientAddress(String peer, String forwardedFor) {
        if (forwardedFor == null || !trusts(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (literal(hop) == null) {
                return client;
            }
            client = hop;
            if (!trusts(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** The entries as configured, comma-separated (for the startup log). */
    @Override
    public String toString() {
        return String.join(",", entries);
    }

    private static byte[] literal(String text) {
        if (!LITERAL.matcher(text).matches() || (text.indexOf(':') < 0 && text.chars().filter(c -> c == '.').count() != 3)) {
            return null;
        }
        try {
            byte[] address = InetAddress.getByName(text).getAddress(); // a literal: no name lookup happens
            return address.length == 16 && isMappedV4(address) ? Arrays.copyOfRange(address, 12, 16) : address;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean isMappedV4(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
    }

    private static boolean within(byte[] address, byte[] network, int prefix) {
        if (address.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        return rest == 0 || ((address[full] ^ network[full]) & (0xff << (8 - rest))) == 0;
    }
}
