package io.diffyne.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The sockets a process listens on (TCP) or has bound (UDP), read from Linux's {@code /proc}: its file descriptors
 * name socket inodes, {@code /proc/net/{tcp,tcp6,udp,udp6}} give each inode's local address. For tests proving a
 * server they started is reachable from loopback only.
 */
final class ListeningSockets {

    private ListeningSockets() {
    }

    /** One socket: protocol and local address as {@code /proc} prints it, decoded to {@code a.b.c.d:port}. */
    record Bound(String protocol, String address, boolean loopback) {
    }

    /** Whether this machine exposes {@code /proc/<pid>/fd} for the process. */
    static boolean readable(long pid) {
        return Files.isDirectory(Path.of("/proc", Long.toString(pid), "fd"));
    }

    /** Every TCP socket {@code pid} listens on and every UDP socket it has bound. */
    static List<Bound> of(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while listing
                }
            }
        }
        List<Bound> bound = new ArrayList<>();
        for (String protocol : List.of("tcp", "tcp6", "udp", "udp6")) {
            Path table = Path.of("/proc", "net", protocol);
            if (!Files.exists(table)) {
                continue;
            }
            List<String> lines = Files.readAllLines(table);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                // f[1] local address, f[3] state (0A: LISTEN; UDP sockets are 07), f[9] inode
                boolean listening = protocol.startsWith("tcp") ? "0A".equals(f[3]) : true;
                if (listening && inodes.contains(f[9])) {
                    bound.add(decode(protocol, f[1]));
                }
            }
        }
        return bound;
    }

    /** {@code 0100007F:1F90} (IPv4, little-endian words) or a 32-hex-digit IPv6 address, then the port. */
    static Bound decode(String protocol, String local) {
        String[] parts = local.split(":");
        String hex = parts[0];
        int port = Integer.parseInt(parts[1], 16);
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                // each 32-bit word is printed in host (little-endian) order
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(word * 8 + (3 - b) * 2, word * 8 + (4 - b) * 2), 16);
            }
        }
        try {
            java.net.InetAddress address = java.net.InetAddress.getByAddress(bytes);
            // an IPv4-mapped IPv6 address (::ffff:127.0.0.1) comes back as the IPv4 address
            return new Bound(protocol, address.getHostAddress() + ":" + port, address.isLoopbackAddress());
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(local, e);
        }
    }
}
