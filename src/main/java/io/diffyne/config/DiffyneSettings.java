package io.diffyne.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The validated, effective configuration. Built once by {@link #load(Function)}; every bad value fails with a
 * {@link ConfigurationException} whose message names the variable and what is allowed.
 *
 * @param transport          {@code DIFFYNE_TRANSPORT}
 * @param wsHost             {@code DIFFYNE_WS_HOST}: host browsers connect to for WebSocket, empty = the page's
 * @param wsPort             {@code DIFFYNE_WS_PORT}: port browsers connect to, empty = the page's
 * @param wsPath             {@code DIFFYNE_WS_PATH}: WebSocket path under the context root
 * @param wsKey              {@code DIFFYNE_WS_KEY}: handshake key (generated when unset)
 * @param wsKeyGenerated     whether {@link #wsKey} was generated for this start
 * @param corsOrigins        {@code DIFFYNE_WS_CORS_ORIGINS}: normalized origins, or just {@code "*"}
 * @param maxMessageSize     {@code DIFFYNE_WS_MAX_MESSAGE_SIZE}: bytes per message
 * @param signingKey         {@code DIFFYNE_SIGNING_KEY}, or derived from the WS key
 * @param rateLimitPerMinute {@code DIFFYNE_RATE_LIMIT}: requests per minute per client, 0 = off
 * @param tokenTtl           {@code DIFFYNE_WS_TOKEN_TTL}: lifetime of the browser handshake token, in seconds
 * @param wsIdleTimeout      {@code DIFFYNE_WS_IDLE_TIMEOUT}: silence after which a WebSocket connection is closed
 * @param debug              {@code DIFFYNE_DEBUG}
 * @param uploadDir          {@code DIFFYNE_UPLOAD_DIR}: folder for temporary uploads, absolute
 * @param uploadMaxSize      {@code DIFFYNE_UPLOAD_MAX_SIZE}: bytes per uploaded file
 * @param uploadMimes        {@code DIFFYNE_UPLOAD_MIMES}: accepted content types, lower case, without parameters
 * @param trustedProxies     {@code DIFFYNE_TRUSTED_PROXIES}: peers whose {@code X-Forwarded-*} headers are believed
 * @param wsHandshakeRate    {@code DIFFYNE_WS_HANDSHAKE_RATE}: WebSocket handshakes per minute per client address,
 *                           0 = off
 * @param maxStateSize       {@code DIFFYNE_MAX_STATE_SIZE}: largest state of one component, bytes of canonical JSON
 * @param treeCacheSize      {@code DIFFYNE_TREE_CACHE_SIZE}: estimated heap bytes of rendered trees kept for AJAX
 *                           actions, 0 = none
 * @param wsLiveSize         {@code DIFFYNE_WS_LIVE_SIZE}: estimated heap bytes of live components per connection
 * @param wsLiveTotalSize    {@code DIFFYNE_WS_LIVE_TOTAL_SIZE}: the same for all connections of the instance
 * @param wsConnectionsPerClient {@code DIFFYNE_WS_CONNECTIONS_PER_CLIENT}: open WebSocket connections per client
 *                           address, 0 = off
 * @param uploadClientQuota  {@code DIFFYNE_UPLOAD_CLIENT_QUOTA}: bytes of temporary uploads one client address may
 *                           hold at once, at least {@link #uploadMaxSize}
 * @param uploadTotalQuota   {@code DIFFYNE_UPLOAD_TOTAL_QUOTA}: bytes all temporary uploads may take on this instance,
 *                           at least {@link #uploadClientQuota}
 * @param channelGrantTtl    {@code DIFFYNE_CHANNEL_GRANT_TTL}: how long a channel grant lets a client open an event
 *                           stream on that channel, in seconds
 * @param templateDir        {@code DIFFYNE_TEMPLATE_DIR}: an existing folder component templates ({@code diffyne/})
 *                           and pages ({@code pages/}) are read from before the class path, e.g. the project's
 *                           {@code src/main/resources}; empty = the class path only
 * @param cluster            {@code DIFFYNE_CLUSTER_*}: the embedded Hazelcast member, see {@link ClusterSettings}
 * @param dashboard          {@code DIFFYNE_DASHBOARD*}: the operations dashboard, see {@link DashboardSettings}
 */
public record DiffyneSettings(
        TransportMode transport,
        Optional<String> wsHost,
        OptionalInt wsPort,
        String wsPath,
        String wsKey,
        boolean wsKeyGenerated,
        List<String> corsOrigins,
        int maxMessageSize,
        byte[] signingKey,
        int rateLimitPerMinute,
        Duration tokenTtl,
        Duration wsIdleTimeout,
        boolean debug,
        Path uploadDir,
        long uploadMaxSize,
        List<String> uploadMimes,
        TrustedProxies trustedProxies,
        int wsHandshakeRate,
        int maxStateSize,
        long treeCacheSize,
        long wsLiveSize,
        long wsLiveTotalSize,
        int wsConnectionsPerClient,
        long uploadClientQuota,
        long uploadTotalQuota,
        Duration channelGrantTtl,
        Optional<Path> templateDir,
        ClusterSettings cluster,
        DashboardSettings dashboard) {

    public static final String TRANSPORT = "DIFFYNE_TRANSPORT";
    public static final String WS_HOST = "DIFFYNE_WS_HOST";
    public static final String WS_PORT = "DIFFYNE_WS_PORT";
    public static final String WS_PATH = "DIFFYNE_WS_PATH";
    public static final String WS_KEY = "DIFFYNE_WS_KEY";
    public static final String WS_CORS_ORIGINS = "DIFFYNE_WS_CORS_ORIGINS";
    public static final String WS_MAX_MESSAGE_SIZE = "DIFFYNE_WS_MAX_MESSAGE_SIZE";
    public static final String SIGNING_KEY = "DIFFYNE_SIGNING_KEY";
    public static final String RATE_LIMIT = "DIFFYNE_RATE_LIMIT";
    public static final String WS_TOKEN_TTL = "DIFFYNE_WS_TOKEN_TTL";
    public static final String WS_IDLE_TIMEOUT = "DIFFYNE_WS_IDLE_TIMEOUT";
    public static final String DEBUG = "DIFFYNE_DEBUG";
    public static final String UPLOAD_DIR = "DIFFYNE_UPLOAD_DIR";
    public static final String UPLOAD_MAX_SIZE = "DIFFYNE_UPLOAD_MAX_SIZE";
    public static final String UPLOAD_MIMES = "DIFFYNE_UPLOAD_MIMES";
    public static final String TRUSTED_PROXIES = "DIFFYNE_TRUSTED_PROXIES";
    public static final String WS_HANDSHAKE_RATE = "DIFFYNE_WS_HANDSHAKE_RATE";
    public static final String MAX_STATE_SIZE = "DIFFYNE_MAX_STATE_SIZE";
    public static final String TREE_CACHE_SIZE = "DIFFYNE_TREE_CACHE_SIZE";
    public static final String WS_LIVE_SIZE = "DIFFYNE_WS_LIVE_SIZE";
    public static final String WS_LIVE_TOTAL_SIZE = "DIFFYNE_WS_LIVE_TOTAL_SIZE";
    public static final String WS_CONNECTIONS_PER_CLIENT = "DIFFYNE_WS_CONNECTIONS_PER_CLIENT";
    public static final String UPLOAD_CLIENT_QUOTA = "DIFFYNE_UPLOAD_CLIENT_QUOTA";
    public static final String UPLOAD_TOTAL_QUOTA = "DIFFYNE_UPLOAD_TOTAL_QUOTA";
    public static final String CHANNEL_GRANT_TTL = "DIFFYNE_CHANNEL_GRANT_TTL";
    public static final String TEMPLATE_DIR = "DIFFYNE_TEMPLATE_DIR";

    public static final int DEFAULT_MAX_MESSAGE_SIZE = 1_048_576;
    public static final int DEFAULT_RATE_LIMIT = 600;
    /**
     * A page opens one connection and reconnects with backoff, so real clients need few handshakes; half the request
     * limit leaves room for an office behind one address reloading after a restart (bursts of 60), while one address
     * cannot open more than 5 connections a second, each of which holds state, or guess keys faster.
     */
    public static final int DEFAULT_WS_HANDSHAKE_RATE = 300;
    /**
     * The memory defaults suit a 512 MB heap: a 256 KiB state is a list of several thousand items whose state and
     * tree take about 10 MB of heap; 32 MiB of trees, 16 MiB of live components per connection and 96 MiB for all
     * connections (estimates that err high, see {@code SizedTree}, {@code StateHeap}) leave the rest of the heap to
     * the server and to the requests in flight.
     */
    public static final int DEFAULT_MAX_STATE_SIZE = 262_144;
    public static final long DEFAULT_TREE_CACHE_SIZE = 32L << 20;
    public static final long DEFAULT_WS_LIVE_SIZE = 16L << 20;
    public static final long DEFAULT_WS_LIVE_TOTAL_SIZE = 96L << 20;
    /** A page holds one connection; 32 leaves room for a household or a small office behind one address. */
    public static final int DEFAULT_WS_CONNECTIONS_PER_CLIENT = 32;
    private static final long MIN_LIVE_SIZE = 65_536;
    private static final long MAX_MEMORY_SIZE = 1L << 40;
    /**
     * A grant is needed only to open (or reopen) an event stream, and an expired one costs the page one re-render of
     * its listening components; an hour keeps that rare and bounds how long a grant copied from a URL log works.
     */
    public static final int DEFAULT_CHANNEL_GRANT_TTL = 3600;
    public static final int MIN_KEY_LENGTH = 16;
    public static final long DEFAULT_UPLOAD_MAX_SIZE = 10L * 1_048_576;
    /** Images a browser can show, PDF and plain text; never HTML or SVG (both can carry script). */
    public static final List<String> DEFAULT_UPLOAD_MIMES = List.of(
            "image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain", "text/csv");
    /** Ten files of the default size; never below {@code DIFFYNE_UPLOAD_MAX_SIZE} when that is raised. */
    public static final long DEFAULT_UPLOAD_CLIENT_QUOTA = 100L * 1_048_576;
    /** A gigabyte of temporary files; never below the per-client quota when that is raised. */
    public static final long DEFAULT_UPLOAD_TOTAL_QUOTA = 1024L * 1_048_576;
    private static final long MAX_UPLOAD_SIZE = 1L << 31;
    private static final long MAX_UPLOAD_QUOTA = 1L << 50;
    private static final int MIN_MESSAGE_SIZE = 1024;
    private static final int MAX_MESSAGE_SIZE = 64 * 1_048_576;
    /** Above the client's 25 s ping interval, so an open page is never idle. */
    private static final int MIN_IDLE_TIMEOUT = 30;

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\]");
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");
    private static final Pattern MIME = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}");

    public DiffyneSettings {
        corsOrigins = List.copyOf(corsOrigins);
        uploadMimes = List.copyOf(uploadMimes);
        signingKey = signingKey.clone();
    }

    @Override
    public byte[] signingKey() {
        return signingKey.clone();
    }

    /** Whether every origin is allowed ({@code DIFFYNE_WS_CORS_ORIGINS=*}). */
    public boolean anyOrigin() {
        return corsOrigins.size() == 1 && "*".equals(corsOrigins.get(0));
    }

    /** Whether a request's {@code Origin} header value is allowed (exact match after normalization). */
    public boolean originAllowed(String origin) {
        if (anyOrigin()) {
            return true;
        }
        if (origin == null) {
            return false;
        }
        try {
            return corsOrigins.contains(normalizeOrigin(origin));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Reads and validates every setting from {@code lookup} (variable name → raw value). */
    public static DiffyneSettings load(Function<String, Optional<String>> lookup) {
        Function<String, Optional<String>> trimmed = name -> lookup.apply(name).map(String::trim).filter(v -> !v.isEmpty());

        TransportMode transport = trimmed.apply(TRANSPORT).map(DiffyneSettings::parseTransport).orElse(TransportMode.WEBSOCKET);
        Optional<String> wsHost = trimmed.apply(WS_HOST).map(DiffyneSettings::parseHost);
        OptionalInt wsPort = trimmed.apply(WS_PORT).map(v -> OptionalInt.of(parseInt(WS_PORT, v, 1, 65_535)))
                .orElse(OptionalInt.empty());
        String wsPath = trimmed.apply(WS_PATH).map(DiffyneSettings::parsePath).orElse("/diffyne");

        Optional<String> configuredKey = trimmed.apply(WS_KEY);
        configuredKey.ifPresent(key -> requireKeyLength(WS_KEY, key));
        String wsKey = configuredKey.orElseGet(DiffyneSettings::randomKey);

        List<String> origins = parseOrigins(trimmed.apply(WS_CORS_ORIGINS).orElse("*"));
        int maxMessageSize = trimmed.apply(WS_MAX_MESSAGE_SIZE)
                .map(v -> parseInt(WS_MAX_MESSAGE_SIZE, v, MIN_MESSAGE_SIZE, MAX_MESSAGE_SIZE))
                .orElse(DEFAULT_MAX_MESSAGE_SIZE);

        Optional<String> configuredSigningKey = trimmed.apply(SIGNING_KEY);
        configuredSigningKey.ifPresent(key -> requireKeyLength(SIGNING_KEY, key));
        byte[] signingKey = configuredSigningKey.map(k -> k.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> deriveSigningKey(wsKey));

        int rateLimit = trimmed.apply(RATE_LIMIT).map(v -> parseInt(RATE_LIMIT, v, 0, 1_000_000)).orElse(DEFAULT_RATE_LIMIT);
        Duration tokenTtl = Duration.ofSeconds(trimmed.apply(WS_TOKEN_TTL)
                .map(v -> parseInt(WS_TOKEN_TTL, v, 30, 86_400)).orElse(900));
        Duration wsIdleTimeout = Duration.ofSeconds(trimmed.apply(WS_IDLE_TIMEOUT)
                .map(v -> parseInt(WS_IDLE_TIMEOUT, v, MIN_IDLE_TIMEOUT, 86_400)).orElse(300));
        boolean debug = trimmed.apply(DEBUG).map(DiffyneSettings::parseBoolean).orElse(false);
        Path uploadDir = trimmed.apply(UPLOAD_DIR).map(DiffyneSettings::parseUploadDir)
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "diffyne-uploads").toAbsolutePath());
        long uploadMaxSize = trimmed.apply(UPLOAD_MAX_SIZE).map(v -> parseLong(UPLOAD_MAX_SIZE, v, 1, MAX_UPLOAD_SIZE))
                .orElse(DEFAULT_UPLOAD_MAX_SIZE);
        List<String> uploadMimes = trimmed.apply(UPLOAD_MIMES).map(DiffyneSettings::parseMimes).orElse(DEFAULT_UPLOAD_MIMES);
        // unset: loopback; set but empty: nobody (lookup, not trimmed, tells the two apart)
        TrustedProxies trustedProxies = parseProxies(lookup.apply(TRUSTED_PROXIES).orElse(TrustedProxies.DEFAULT));
        int wsHandshakeRate = trimmed.apply(WS_HANDSHAKE_RATE).map(v -> parseInt(WS_HANDSHAKE_RATE, v, 0, 1_000_000))
                .orElse(DEFAULT_WS_HANDSHAKE_RATE);
        Duration channelGrantTtl = Duration.ofSeconds(trimmed.apply(CHANNEL_GRANT_TTL)
                .map(v -> parseInt(CHANNEL_GRANT_TTL, v, 5, 86_400)).orElse(DEFAULT_CHANNEL_GRANT_TTL));

        // a snapshot travels whole in AJAX requests: a state beyond the message size could never come back
        int maxStateSize = trimmed.apply(MAX_STATE_SIZE)
                .map(v -> (int) parseLong(MAX_STATE_SIZE, v, MIN_MESSAGE_SIZE, maxMessageSize, " (at most "
                        + WS_MAX_MESSAGE_SIZE + ": every AJAX request carries the whole snapshot)"))
                .orElse(Math.min(DEFAULT_MAX_STATE_SIZE, maxMessageSize));
        long treeCacheSize = trimmed.apply(TREE_CACHE_SIZE).map(v -> parseLong(TREE_CACHE_SIZE, v, 0, MAX_MEMORY_SIZE))
                .orElse(DEFAULT_TREE_CACHE_SIZE);
        long wsLiveTotalSize = trimmed.apply(WS_LIVE_TOTAL_SIZE)
                .map(v -> parseLong(WS_LIVE_TOTAL_SIZE, v, MIN_LIVE_SIZE, MAX_MEMORY_SIZE))
                .orElse(DEFAULT_WS_LIVE_TOTAL_SIZE);
        long wsLiveSize = trimmed.apply(WS_LIVE_SIZE)
                .map(v -> parseLong(WS_LIVE_SIZE, v, MIN_LIVE_SIZE, wsLiveTotalSize, " (at most "
                        + WS_LIVE_TOTAL_SIZE + ", the bound for all connections together)"))
                .orElse(Math.min(DEFAULT_WS_LIVE_SIZE, wsLiveTotalSize));
        int wsConnectionsPerClient = trimmed.apply(WS_CONNECTIONS_PER_CLIENT)
                .map(v -> parseInt(WS_CONNECTIONS_PER_CLIENT, v, 0, 1_000_000))
                .orElse(DEFAULT_WS_CONNECTIONS_PER_CLIENT);

        long uploadClientQuota = trimmed.apply(UPLOAD_CLIENT_QUOTA)
                .map(v -> parseQuota(UPLOAD_CLIENT_QUOTA, v, uploadMaxSize, UPLOAD_MAX_SIZE))
                .orElse(Math.max(DEFAULT_UPLOAD_CLIENT_QUOTA, uploadMaxSize));
        long uploadTotalQuota = trimmed.apply(UPLOAD_TOTAL_QUOTA)
                .map(v -> parseQuota(UPLOAD_TOTAL_QUOTA, v, uploadClientQuota, UPLOAD_CLIENT_QUOTA))
                .orElse(Math.max(DEFAULT_UPLOAD_TOTAL_QUOTA, uploadClientQuota));

        return new DiffyneSettings(transport, wsHost, wsPort, wsPath, wsKey, configuredKey.isEmpty(), origins,
                maxMessageSize, signingKey, rateLimit, tokenTtl, wsIdleTimeout, debug, uploadDir, uploadMaxSize, uploadMimes,
                trustedProxies, wsHandshakeRate, maxStateSize, treeCacheSize, wsLiveSize, wsLiveTotalSize,
                wsConnectionsPerClient, uploadClientQuota, uploadTotalQuota,
                channelGrantTtl, trimmed.apply(TEMPLATE_DIR).map(DiffyneSettings::parseTemplateDir),
                ClusterSettings.load(trimmed), DashboardSettings.load(trimmed));
    }

    /** One line for the startup log: every effective value, secrets masked. */
    public String describe() {
        return TRANSPORT + "=" + transport.wireName()
                + ", " + WS_HOST + "=" + wsHost.orElse("(page host)")
                + ", " + WS_PORT + "=" + (wsPort.isPresent() ? Integer.toString(wsPort.getAsInt()) : "(page port)")
                + ", " + WS_PATH + "=" + wsPath
                + ", " + WS_KEY + "=" + (wsKeyGenerated ? "(generated)" : "****")
                + ", " + WS_CORS_ORIGINS + "=" + String.join(",", corsOrigins)
                + ", " + WS_MAX_MESSAGE_SIZE + "=" + maxMessageSize
                + ", " + SIGNING_KEY + "=****"
                + ", " + RATE_LIMIT + "=" + rateLimitPerMinute
                + ", " + TRUSTED_PROXIES + "=" + (trustedProxies.toString().isEmpty() ? "(none)" : trustedProxies)
                + ", " + WS_HANDSHAKE_RATE + "=" + wsHandshakeRate
                + ", " + CHANNEL_GRANT_TTL + "=" + channelGrantTtl.toSeconds()
                + ", " + WS_TOKEN_TTL + "=" + tokenTtl.toSeconds()
                + ", " + WS_IDLE_TIMEOUT + "=" + wsIdleTimeout.toSeconds()
                + ", " + DEBUG + "=" + debug
                + ", " + UPLOAD_DIR + "=" + uploadDir
                + ", " + UPLOAD_MAX_SIZE + "=" + uploadMaxSize
                + ", " + UPLOAD_MIMES + "=" + String.join(",", uploadMimes)
                + ", " + MAX_STATE_SIZE + "=" + maxStateSize
                + ", " + TREE_CACHE_SIZE + "=" + treeCacheSize
                + ", " + WS_LIVE_SIZE + "=" + wsLiveSize
                + ", " + WS_LIVE_TOTAL_SIZE + "=" + wsLiveTotalSize
                + ", " + WS_CONNECTIONS_PER_CLIENT + "=" + wsConnectionsPerClient
                + ", " + UPLOAD_CLIENT_QUOTA + "=" + uploadClientQuota
                + ", " + UPLOAD_TOTAL_QUOTA + "=" + uploadTotalQuota
                + ", " + TEMPLATE_DIR + "=" + templateDir.map(Path::toString).orElse("(class path)")
                + ", " + cluster.describe()
                + ", " + dashboard.describe();
    }

    /** Never prints secrets, even by accident. */
    @Override
    public String toString() {
        return "DiffyneSettings[" + describe() + "]";
    }

    private static TransportMode parseTransport(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "websocket" -> TransportMode.WEBSOCKET;
            case "ajax" -> TransportMode.AJAX;
            default -> throw invalid(TRANSPORT, value, "'websocket' or 'ajax'");
        };
    }

    private static String parseHost(String value) {
        if (!HOST.matcher(value).matches() || value.length() > 253) {
            throw invalid(WS_HOST, value, "a host name or IP address without scheme, port or path, e.g. ws.example.com");
        }
        return value;
    }

    private static String parsePath(String value) {
        if (!PATH.matcher(value).matches()) {
            throw invalid(WS_PATH, value,
                    "a path starting with '/', made of segments of letters, digits, '.', '_', '~' or '-', e.g. /diffyne");
        }
        if (value.equals("/_diffyne") || value.startsWith("/_diffyne/") || value.equals("/health")) {
            throw invalid(WS_PATH, value, "a path that does not clash with /_diffyne or /health");
        }
        return value;
    }

    private static List<String> parseOrigins(String value) {
        List<String> origins = new ArrayList<>();
        for (String part : value.split(",")) {
            String origin = part.trim();
            if (origin.isEmpty()) {
                continue;
            }
            if (origin.equals("*")) {
                origins.add("*");
                continue;
            }
            try {
                origins.add(normalizeOrigin(origin));
            } catch (IllegalArgumentException e) {
                throw invalid(WS_CORS_ORIGINS, origin,
                        "'*' or a comma-separated list of origins like https://example.com or http://localhost:8080"
                                + " (scheme and host, optional port, no path)");
            }
        }
        if (origins.isEmpty()) {
            throw invalid(WS_CORS_ORIGINS, value, "'*' or at least one origin such as https://example.com");
        }
        if (origins.contains("*") && origins.size() > 1) {
            throw invalid(WS_CORS_ORIGINS, value, "either '*' alone or a list of origins, not both");
        }
        return origins;
    }

    /** {@code HTTPS://Example.com:443} → {@code https://example.com}; anything but scheme://host[:port] is refused. */
    static String normalizeOrigin(String origin) {
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(origin, e);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || uri.getRawUserInfo() != null || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(origin);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static Path parseUploadDir(String value) {
        try {
            Path path = Path.of(value);
            if (path.isAbsolute()) {
                return path.normalize();
            }
        } catch (InvalidPathException e) {
            // fall through to the message below
        }
        throw invalid(UPLOAD_DIR, value, "an absolute folder path, e.g. /var/tmp/diffyne-uploads");
    }

    private static Path parseTemplateDir(String value) {
        try {
            Path path = Path.of(value);
            if (path.isAbsolute() && java.nio.file.Files.isDirectory(path)) {
                return path.normalize();
            }
        } catch (InvalidPathException e) {
            // fall through to the message below
        }
        throw invalid(TEMPLATE_DIR, value, "the absolute path of an existing folder holding diffyne/ and pages/,"
                + " e.g. the project's src/main/resources");
    }

    private static List<String> parseMimes(String value) {
        List<String> mimes = new ArrayList<>();
        for (String part : value.split(",")) {
            String mime = part.trim().toLowerCase(Locale.ROOT);
            if (mime.isEmpty()) {
                continue;
            }
            if (!MIME.matcher(mime).matches()) {
                throw invalid(UPLOAD_MIMES, part.trim(),
                        "a comma-separated list of content types like image/png,application/pdf (no wildcards or parameters)");
            }
            if (!mimes.contains(mime)) {
                mimes.add(mime);
            }
        }
        if (mimes.isEmpty()) {
            throw invalid(UPLOAD_MIMES, value, "at least one content type such as image/png");
        }
        return mimes;
    }

    private static TrustedProxies parseProxies(String value) {
        try {
            return TrustedProxies.parse(value);
        } catch (IllegalArgumentException e) {
            throw invalid(TRUSTED_PROXIES, e.getMessage(), "a comma-separated list of IP addresses or CIDR blocks of"
                    + " your reverse proxies, e.g. 127.0.0.1,::1,10.0.0.0/8 (empty: trust none)");
        }
    }

    /** A quota in bytes that must hold at least {@code floor}, the value of the setting {@code floorName}. */
    private static long parseQuota(String name, String value, long floor, String floorName) {
        long quota = parseLong(name, value, 1, MAX_UPLOAD_QUOTA);
        if (quota < floor) {
            throw invalid(name, value, "at least " + floorName + " (" + floor + " bytes), so that one file of the"
                    + " largest size fits; raise it or lower " + floorName);
        }
        return quota;
    }

    private static long parseLong(String name, String value, long min, long max) {
        return parseLong(name, value, min, max, "");
    }

    private static long parseLong(String name, String value, long min, long max, String why) {
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw invalid(name, value, "a whole number of bytes from " + min + " to " + max + why);
    }

    private static int parseInt(String name, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw invalid(name, value, "a whole number from " + min + " to " + max);
    }

    private static boolean parseBoolean(String value) {
        return parseBoolean(DEBUG, value);
    }

    static boolean parseBoolean(String name, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw invalid(name, value, "'true' or 'false'");
        };
    }

    static void requireKeyLength(String name, String key) {
        if (key.length() < MIN_KEY_LENGTH) {
            // never echo a secret, not even a short one
            throw new ConfigurationException(name + " is too short (" + key.length() + " characters): use at least "
                    + MIN_KEY_LENGTH + " random characters, e.g. the output of `openssl rand -base64 32`");
        }
    }

    static ConfigurationException invalid(String name, String value, String allowed) {
        return new ConfigurationException(name + "='" + value + "' is not valid: expected " + allowed);
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A signing key tied to the WS key, so a cluster that sets one shared DIFFYNE_WS_KEY also shares signatures. */
    private static byte[] deriveSigningKey(String wsKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(wsKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal("diffyne-state-signing-v1".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
