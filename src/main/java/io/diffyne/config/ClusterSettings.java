package io.diffyne.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The embedded Hazelcast member's settings, for servers without a data grid of their own (WildFly, Tomcat). Unset
 * members: no embedded member (Payara's own grid when it runs one, else the in-JVM classes). TCP/IP join only:
 * multicast and auto-detection are never used.
 *
 * @param members    {@code DIFFYNE_CLUSTER_MEMBERS}: {@code host:port} of every member (this one included), empty
 *                   = no embedded member
 * @param name       {@code DIFFYNE_CLUSTER_NAME}: the cluster's name; members with another name never join
 * @param port       {@code DIFFYNE_CLUSTER_PORT}: the port this member listens on
 * @param bindAddress {@code DIFFYNE_CLUSTER_INTERFACE}: the only address this member binds to; unset = 127.0.0.1
 *                   when every member is on loopback, else Hazelcast's choice of interface
 * @param payaraGrid {@code DIFFYNE_CLUSTER_PAYARA_GRID}: use Payara's own data grid when Payara runs one (off by
 *                   default: Payara Micro's {@code --nocluster} still runs a grid, which cannot be told apart)
 */
public record ClusterSettings(List<String> members, String name, int port, Optional<String> bindAddress,
                              boolean payaraGrid) {

    public static final String MEMBERS = "DIFFYNE_CLUSTER_MEMBERS";
    public static final String NAME = "DIFFYNE_CLUSTER_NAME";
    public static final String PORT = "DIFFYNE_CLUSTER_PORT";
    public static final String INTERFACE = "DIFFYNE_CLUSTER_INTERFACE";
    public static final String PAYARA_GRID = "DIFFYNE_CLUSTER_PAYARA_GRID";
    public static final String DEFAULT_NAME = "diffyne";
    public static final int DEFAULT_PORT = 5701;

    private static ConfigurationException invalid(String name, String value, String allowed) {
        return DiffyneSettings.invalid(name, value, allowed);
    }

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");
    private static final Pattern IP = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern CLUSTER_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public ClusterSettings {
        members = List.copyOf(members);
    }

    /** No embedded member. */
    public static ClusterSettings none() {
        return new ClusterSettings(List.of(), DEFAULT_NAME, DEFAULT_PORT, Optional.empty(), false);
    }

    public boolean embedded() {
        return !members.isEmpty();
    }

    /** The address to bind to, if any: the setting, or 127.0.0.1 when every member is on loopback. */
    public Optional<String> effectiveBindAddress() {
        if (bindAddress.isPresent() || members.isEmpty()) {
            return bindAddress;
        }
        boolean loopback = members.stream().map(m -> m.substring(0, m.lastIndexOf(':')))
                .allMatch(h -> h.startsWith("127.") || h.equals("localhost"));
        return loopback ? Optional.of("127.0.0.1") : Optional.empty();
    }

    /** Reads the settings from {@code trimmed} (name → trimmed, non-empty value). */
    static ClusterSettings load(Function<String, Optional<String>> trimmed) {
        List<String> members = trimmed.apply(MEMBERS).map(ClusterSettings::parseMembers).orElse(List.of());
        String name = trimmed.apply(NAME).map(ClusterSettings::parseName).orElse(DEFAULT_NAME);
        int port = trimmed.apply(PORT).map(ClusterSettings::parsePort).orElse(DEFAULT_PORT);
        Optional<String> bind = trimmed.apply(INTERFACE).map(ClusterSettings::parseInterface);
        boolean payara = trimmed.apply(PAYARA_GRID).map(ClusterSettings::parsePayaraGrid).orElse(false);
        return new ClusterSettings(members, name, port, bind, payara);
    }

    String describe() {
        return MEMBERS + "=" + (members.isEmpty() ? "(none)" : String.join(",", members))
                + ", " + NAME + "=" + name
                + ", " + PORT + "=" + port
                + ", " + INTERFACE + "=" + effectiveBindAddress().orElse("(Hazelcast's choice)")
                + ", " + PAYARA_GRID + "=" + payaraGrid;
    }

    private static List<String> parseMembers(String value) {
        List<String> members = new ArrayList<>();
        for (String part : value.split(",")) {
            String member = part.trim();
            if (member.isEmpty()) {
                continue;
            }
            int colon = member.lastIndexOf(':');
            String host = colon < 0 ? "" : member.substring(0, colon);
            if (!HOST.matcher(host).matches() || host.length() > 253
                    || !validPort(member.substring(colon + 1))) {
                throw invalid(MEMBERS, member, "a comma-separated list of host:port, e.g."
                        + " 10.0.0.1:5701,10.0.0.2:5701 (every member of the cluster, this one included)");
            }
            if (!members.contains(member)) {
                members.add(member);
            }
        }
        if (members.isEmpty()) {
            throw invalid(MEMBERS, value, "at least one host:port such as 10.0.0.1:5701");
        }
        return members;
    }

    private static String parseName(String value) {
        if (!CLUSTER_NAME.matcher(value).matches()) {
            throw invalid(NAME, value, "1 to 64 letters, digits, '.', '_' or '-', e.g. diffyne-prod");
        }
        return value;
    }

    private static int parsePort(String value) {
        if (!validPort(value)) {
            throw invalid(PORT, value, "a whole number from 1 to 65535");
        }
        return Integer.parseInt(value);
    }

    private static String parseInterface(String value) {
        boolean ip = IP.matcher(value).matches();
        if (ip) {
            for (String octet : value.split("\\.")) {
                ip &= Integer.parseInt(octet) <= 255;
            }
        }
        if (!ip) {
            throw invalid(INTERFACE, value, "an IPv4 address of this machine, e.g. 10.0.0.1");
        }
        return value;
    }

    private static boolean parsePayaraGrid(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(PAYARA_GRID, value, "'true' or 'false'");
        };
    }

    private static boolean validPort(String value) {
        if (value.isEmpty() || value.length() > 5 || !value.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int port = Integer.parseInt(value);
        return port >= 1 && port <= 65_535;
    }
}
