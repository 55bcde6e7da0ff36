package io.diffyne.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiffyneSettingsTest {

    private static final String KEY = "0123456789abcdef0123";

    private static DiffyneSettings load(Map<String, String> values) {
        return DiffyneSettings.load(name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void defaultsMatchTheDocumentedTable() {
        DiffyneSettings s = load(Map.of());
        assertEquals(TransportMode.WEBSOCKET, s.transport());
        assertEquals("/diffyne", s.wsPath());
        assertTrue(s.wsHost().isEmpty());
        assertTrue(s.wsPort().isEmpty());
        assertTrue(s.wsKeyGenerated());
        assertTrue(s.wsKey().length() >= 40);
        assertEquals(List.of("*"), s.corsOrigins());
        assertTrue(s.anyOrigin());
        assertEquals(1_048_576, s.maxMessageSize());
        assertEquals(600, s.rateLimitPerMinute());
        assertEquals(300, s.wsHandshakeRate());
        assertEquals(java.time.Duration.ofHours(1), s.channelGrantTtl());
        assertEquals(java.time.Duration.ofMinutes(5), s.wsIdleTimeout());
        assertFalse(s.debug());
        assertEquals(32, s.signingKey().length);
        assertEquals(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "diffyne-uploads").toAbsolutePath(),
                s.uploadDir());
        assertEquals(10_485_760L, s.uploadMaxSize());
        assertEquals(List.of("image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain",
                "text/csv"), s.uploadMimes());
        assertEquals(104_857_600L, s.uploadClientQuota());
        assertEquals(1_073_741_824L, s.uploadTotalQuota());
        assertEquals(262_144, s.maxStateSize());
        assertEquals(33_554_432L, s.treeCacheSize());
        assertEquals(16_777_216L, s.wsLiveSize());
        assertEquals(100_663_296L, s.wsLiveTotalSize());
        assertEquals(32, s.wsConnectionsPerClient());
        assertFalse(s.cluster().embedded());
        assertEquals("diffyne", s.cluster().name());
        assertEquals(5701, s.cluster().port());
        assertTrue(s.describe().contains(", DIFFYNE_CLUSTER_MEMBERS=(none), DIFFYNE_CLUSTER_NAME=diffyne, "
                + "DIFFYNE_CLUSTER_PORT=5701, DIFFYNE_CLUSTER_INTERFACE=(Hazelcast's choice), DIFFYNE_CLUSTER_PAYARA_GRID=false, "), s.describe());
        assertFalse(s.cluster().payaraGrid());
        assertTrue(load(Map.of("DIFFYNE_CLUSTER_PAYARA_GRID", "true")).cluster().payaraGrid());
    }

    @Test
    void readsTheEmbeddedMembersSettings() {
        DiffyneSettings s = load(Map.of("DIFFYNE_CLUSTER_MEMBERS", " 127.0.0.1:5901, 127.0.0.1:5902,,127.0.0.1:5901",
                "DIFFYNE_CLUSTER_NAME", "shop-prod", "DIFFYNE_CLUSTER_PORT", "5902"));
        assertTrue(s.cluster().embedded());
        assertEquals(List.of("127.0.0.1:5901", "127.0.0.1:5902"), s.cluster().members());
        assertEquals(5902, s.cluster().port());
        assertEquals(Optional.of("127.0.0.1"), s.cluster().effectiveBindAddress(), "all on loopback: bind loopback");
        assertTrue(s.describe().contains(", DIFFYNE_CLUSTER_MEMBERS=127.0.0.1:5901,127.0.0.1:5902, "
                + "DIFFYNE_CLUSTER_NAME=shop-prod, DIFFYNE_CLUSTER_PORT=5902, DIFFYNE_CLUSTER_INTERFACE=127.0.0.1, DIFFYNE_CLUSTER_PAYARA_GRID=false, "),
                s.describe());

        DiffyneSettings spread = load(Map.of("DIFFYNE_CLUSTER_MEMBERS", "10.0.0.1:5701,node-2.internal:5701"));
        assertEquals(Optional.empty(), spread.cluster().effectiveBindAddress());
        DiffyneSettings bound = load(Map.of("DIFFYNE_CLUSTER_MEMBERS", "10.0.0.1:5701,10.0.0.2:5701",
                "DIFFYNE_CLUSTER_INTERFACE", "10.0.0.2"));
        assertEquals(Optional.of("10.0.0.2"), bound.cluster().effectiveBindAddress());
    }

    @Test
    void readsTheMemoryBounds() {
        DiffyneSettings s = load(Map.of("DIFFYNE_MAX_STATE_SIZE", "65536", "DIFFYNE_TREE_CACHE_SIZE", "0",
                "DIFFYNE_WS_LIVE_SIZE", "1048576", "DIFFYNE_WS_LIVE_TOTAL_SIZE", "8388608",
                "DIFFYNE_WS_CONNECTIONS_PER_CLIENT", "4"));
        assertEquals(65_536, s.maxStateSize());
        assertEquals(0, s.treeCacheSize(), "0: no tree cache");
        assertEquals(1_048_576L, s.wsLiveSize());
        assertEquals(8_388_608L, s.wsLiveTotalSize());
        assertEquals(4, s.wsConnectionsPerClient());
        assertTrue(s.describe().contains(", DIFFYNE_MAX_STATE_SIZE=65536, DIFFYNE_TREE_CACHE_SIZE=0, "
                + "DIFFYNE_WS_LIVE_SIZE=1048576, DIFFYNE_WS_LIVE_TOTAL_SIZE=8388608, "
                + "DIFFYNE_WS_CONNECTIONS_PER_CLIENT=4"), s.describe());
        // defaults follow a smaller message size and a smaller total
        DiffyneSettings small = load(Map.of("DIFFYNE_WS_MAX_MESSAGE_SIZE", "100000",
                "DIFFYNE_WS_LIVE_TOTAL_SIZE", "4194304"));
        assertEquals(100_000, small.maxStateSize());
        assertEquals(4_194_304L, small.wsLiveSize());
    }

    @Test
    void readsUploadSettings() {
        DiffyneSettings s = load(Map.of(
                "DIFFYNE_UPLOAD_DIR", "/var/tmp/up/../uploads",
                "DIFFYNE_UPLOAD_MAX_SIZE", "2048",
                "DIFFYNE_UPLOAD_MIMES", " Image/PNG ,application/pdf,,image/png"));
        assertEquals(java.nio.file.Path.of("/var/tmp/uploads"), s.uploadDir());
        assertEquals(2048L, s.uploadMaxSize());
        assertEquals(List.of("image/png", "application/pdf"), s.uploadMimes());
        assertTrue(s.describe().contains(", DIFFYNE_UPLOAD_DIR=/var/tmp/uploads, DIFFYNE_UPLOAD_MAX_SIZE=2048, "
                + "DIFFYNE_UPLOAD_MIMES=image/png,application/pdf,"), s.describe());
        assertTrue(s.describe().contains(", DIFFYNE_UPLOAD_CLIENT_QUOTA=104857600, "
                + "DIFFYNE_UPLOAD_TOTAL_QUOTA=1073741824"), s.describe());
    }

    @Test
    void uploadQuotasAreReadAndNeverBelowWhatTheyMustHold() {
        DiffyneSettings s = load(Map.of("DIFFYNE_UPLOAD_MAX_SIZE", "2048", "DIFFYNE_UPLOAD_CLIENT_QUOTA", "4096",
                "DIFFYNE_UPLOAD_TOTAL_QUOTA", " 8192 "));
        assertEquals(4096L, s.uploadClientQuota());
        assertEquals(8192L, s.uploadTotalQuota());
        // unset quotas follow a raised file size, so raising DIFFYNE_UPLOAD_MAX_SIZE alone never fails
        DiffyneSettings big = load(Map.of("DIFFYNE_UPLOAD_MAX_SIZE", "2147483648"));
        assertEquals(2_147_483_648L, big.uploadClientQuota());
        assertEquals(2_147_483_648L, big.uploadTotalQuota());
        assertEquals(4096L, load(Map.of("DIFFYNE_UPLOAD_MAX_SIZE", "2048", "DIFFYNE_UPLOAD_CLIENT_QUOTA", "4096",
                "DIFFYNE_UPLOAD_TOTAL_QUOTA", "4096")).uploadTotalQuota());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DIFFYNE_UPLOAD_CLIENT_QUOTA|0||DIFFYNE_UPLOAD_CLIENT_QUOTA='0' is not valid: expected a whole number of bytes from 1 to 1125899906842624",
        "DIFFYNE_UPLOAD_CLIENT_QUOTA|1GB||DIFFYNE_UPLOAD_CLIENT_QUOTA='1GB' is not valid: expected a whole number of bytes from 1 to 1125899906842624",
        "DIFFYNE_UPLOAD_CLIENT_QUOTA|1000|DIFFYNE_UPLOAD_MAX_SIZE=2048|DIFFYNE_UPLOAD_CLIENT_QUOTA='1000' is not valid: expected at least DIFFYNE_UPLOAD_MAX_SIZE (2048 bytes), so that one file of the largest size fits; raise it or lower DIFFYNE_UPLOAD_MAX_SIZE",
        "DIFFYNE_UPLOAD_TOTAL_QUOTA|-5||DIFFYNE_UPLOAD_TOTAL_QUOTA='-5' is not valid: expected a whole number of bytes from 1 to 1125899906842624",
        "DIFFYNE_UPLOAD_TOTAL_QUOTA|1048576||DIFFYNE_UPLOAD_TOTAL_QUOTA='1048576' is not valid: expected at least DIFFYNE_UPLOAD_CLIENT_QUOTA (104857600 bytes), so that one file of the largest size fits; raise it or lower DIFFYNE_UPLOAD_CLIENT_QUOTA",
    })
    void badUploadQuotasNameTheSettingAndTheFix(String name, String value, String also, String message) {
        Map<String, String> values = new java.util.HashMap<>(Map.of(name, value));
        if (also != null) {
            values.put(also.split("=")[0], also.split("=")[1]);
        }
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> load(values));
        assertEquals(message, e.getMessage());
    }

    @Test
    void generatedKeysDifferPerStart() {
        assertFalse(load(Map.of()).wsKey().equals(load(Map.of()).wsKey()));
    }

    @Test
    void readsEveryVariable() {
        DiffyneSettings s = load(Map.of(
                "DIFFYNE_TRANSPORT", "AJAX",
                "DIFFYNE_WS_HOST", "ws.example.com",
                "DIFFYNE_WS_PORT", "6001",
                "DIFFYNE_WS_PATH", "/live/ws",
                "DIFFYNE_WS_KEY", KEY,
                "DIFFYNE_WS_CORS_ORIGINS", "https://Example.com, http://localhost:8080 ,https://a.example.com:443",
                "DIFFYNE_WS_MAX_MESSAGE_SIZE", "65536",
                "DIFFYNE_RATE_LIMIT", "0",
                "DIFFYNE_WS_IDLE_TIMEOUT", "45",
                "DIFFYNE_DEBUG", "true"));
        assertEquals(TransportMode.AJAX, s.transport());
        assertEquals(Optional.of("ws.example.com"), s.wsHost());
        assertEquals(6001, s.wsPort().getAsInt());
        assertEquals("/live/ws", s.wsPath());
        assertEquals(KEY, s.wsKey());
        assertFalse(s.wsKeyGenerated());
        assertEquals(List.of("https://example.com", "http://localhost:8080", "https://a.example.com"), s.corsOrigins());
        assertEquals(65536, s.maxMessageSize());
        assertEquals(0, s.rateLimitPerMinute());
        assertEquals(java.time.Duration.ofSeconds(45), s.wsIdleTimeout());
        assertTrue(s.debug());
    }

    @Test
    void readsTheHandshakeRate() {
        DiffyneSettings s = load(Map.of("DIFFYNE_WS_HANDSHAKE_RATE", " 20 "));
        assertEquals(20, s.wsHandshakeRate());
        assertTrue(s.describe().contains(", DIFFYNE_WS_HANDSHAKE_RATE=20, "), s.describe());
        assertEquals(0, load(Map.of("DIFFYNE_WS_HANDSHAKE_RATE", "0")).wsHandshakeRate(), "0 turns it off");
    }

    @Test
    void readsTheChannelGrantLifetime() {
        DiffyneSettings s = load(Map.of("DIFFYNE_CHANNEL_GRANT_TTL", "5"));
        assertEquals(java.time.Duration.ofSeconds(5), s.channelGrantTtl());
        assertTrue(s.describe().contains(", DIFFYNE_CHANNEL_GRANT_TTL=5, "), s.describe());
    }

    @Test
    void signingKeyIsDerivedFromTheWsKeySoAClusterSharesIt() {
        assertArrayEquals(load(Map.of("DIFFYNE_WS_KEY", KEY)).signingKey(),
                load(Map.of("DIFFYNE_WS_KEY", KEY)).signingKey());
        assertArrayEquals("another-secret-key-000".getBytes(),
                load(Map.of("DIFFYNE_WS_KEY", KEY, "DIFFYNE_SIGNING_KEY", "another-secret-key-000")).signingKey());
    }

    @Test
    void originsAreMatchedExactlyAfterNormalization() {
        DiffyneSettings s = load(Map.of("DIFFYNE_WS_CORS_ORIGINS", "https://example.com"));
        assertTrue(s.originAllowed("https://example.com"));
        assertTrue(s.originAllowed("HTTPS://EXAMPLE.COM:443"));
        assertFalse(s.originAllowed("https://example.com.evil.net"));
        assertFalse(s.originAllowed("http://example.com"));
        assertFalse(s.originAllowed("null"));
        assertFalse(s.originAllowed(null));
        assertTrue(load(Map.of()).originAllowed(null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DIFFYNE_TRANSPORT|foo|DIFFYNE_TRANSPORT='foo' is not valid: expected 'websocket' or 'ajax'",
        "DIFFYNE_WS_PORT|abc|DIFFYNE_WS_PORT='abc' is not valid: expected a whole number from 1 to 65535",
        "DIFFYNE_WS_PORT|70000|DIFFYNE_WS_PORT='70000' is not valid: expected a whole number from 1 to 65535",
        "DIFFYNE_WS_PATH|diffyne|DIFFYNE_WS_PATH='diffyne' is not valid: expected a path starting with '/', made of segments of letters, digits, '.', '_', '~' or '-', e.g. /diffyne",
        "DIFFYNE_WS_PATH|/a//b|DIFFYNE_WS_PATH='/a//b' is not valid: expected a path starting with '/', made of segments of letters, digits, '.', '_', '~' or '-', e.g. /diffyne",
        "DIFFYNE_WS_PATH|/_diffyne|DIFFYNE_WS_PATH='/_diffyne' is not valid: expected a path that does not clash with /_diffyne or /health",
        "DIFFYNE_WS_HOST|ws://x.com|DIFFYNE_WS_HOST='ws://x.com' is not valid: expected a host name or IP address without scheme, port or path, e.g. ws.example.com",
        "DIFFYNE_WS_CORS_ORIGINS|example.com|DIFFYNE_WS_CORS_ORIGINS='example.com' is not valid: expected '*' or a comma-separated list of origins like https://example.com or http://localhost:8080 (scheme and host, optional port, no path)",
        "DIFFYNE_WS_CORS_ORIGINS|https://example.com/app|DIFFYNE_WS_CORS_ORIGINS='https://example.com/app' is not valid: expected '*' or a comma-separated list of origins like https://example.com or http://localhost:8080 (scheme and host, optional port, no path)",
        "DIFFYNE_WS_CORS_ORIGINS|*,https://a.com|DIFFYNE_WS_CORS_ORIGINS='*,https://a.com' is not valid: expected either '*' alone or a list of origins, not both",
        "DIFFYNE_WS_MAX_MESSAGE_SIZE|12|DIFFYNE_WS_MAX_MESSAGE_SIZE='12' is not valid: expected a whole number from 1024 to 67108864",
        "DIFFYNE_WS_IDLE_TIMEOUT|29|DIFFYNE_WS_IDLE_TIMEOUT='29' is not valid: expected a whole number from 30 to 86400",
        "DIFFYNE_WS_IDLE_TIMEOUT|5m|DIFFYNE_WS_IDLE_TIMEOUT='5m' is not valid: expected a whole number from 30 to 86400",
        "DIFFYNE_TRUSTED_PROXIES|proxy.local|DIFFYNE_TRUSTED_PROXIES='proxy.local' is not valid: expected a comma-separated list of IP addresses or CIDR blocks of your reverse proxies, e.g. 127.0.0.1,::1,10.0.0.0/8 (empty: trust none)",
        "DIFFYNE_TRUSTED_PROXIES|127.0.0.1,10.0.0.0/33|DIFFYNE_TRUSTED_PROXIES='10.0.0.0/33' is not valid: expected a comma-separated list of IP addresses or CIDR blocks of your reverse proxies, e.g. 127.0.0.1,::1,10.0.0.0/8 (empty: trust none)",
        "DIFFYNE_TRUSTED_PROXIES|10.0.0/8|DIFFYNE_TRUSTED_PROXIES='10.0.0/8' is not valid: expected a comma-separated list of IP addresses or CIDR blocks of your reverse proxies, e.g. 127.0.0.1,::1,10.0.0.0/8 (empty: trust none)",
        "DIFFYNE_TRUSTED_PROXIES|fd00::/129|DIFFYNE_TRUSTED_PROXIES='fd00::/129' is not valid: expected a comma-separated list of IP addresses or CIDR blocks of your reverse proxies, e.g. 127.0.0.1,::1,10.0.0.0/8 (empty: trust none)",
        "DIFFYNE_TRUSTED_PROXIES|10.0.0.1/x|DIFFYNE_TRUSTED_PROXIES='10.0.0.1/x' is not valid: expected a comma-separated list of IP addresses or CIDR blocks of your reverse proxies, e.g. 127.0.0.1,::1,10.0.0.0/8 (empty: trust none)",
        "DIFFYNE_RATE_LIMIT|-1|DIFFYNE_RATE_LIMIT='-1' is not valid: expected a whole number from 0 to 1000000",
        "DIFFYNE_WS_HANDSHAKE_RATE|-1|DIFFYNE_WS_HANDSHAKE_RATE='-1' is not valid: expected a whole number from 0 to 1000000",
        "DIFFYNE_WS_HANDSHAKE_RATE|5/s|DIFFYNE_WS_HANDSHAKE_RATE='5/s' is not valid: expected a whole number from 0 to 1000000",
        "DIFFYNE_CHANNEL_GRANT_TTL|4|DIFFYNE_CHANNEL_GRANT_TTL='4' is not valid: expected a whole number from 5 to 86400",
        "DIFFYNE_CHANNEL_GRANT_TTL|1h|DIFFYNE_CHANNEL_GRANT_TTL='1h' is not valid: expected a whole number from 5 to 86400",
        "DIFFYNE_MAX_STATE_SIZE|1048577|DIFFYNE_MAX_STATE_SIZE='1048577' is not valid: expected a whole number of bytes from 1024 to 1048576 (at most DIFFYNE_WS_MAX_MESSAGE_SIZE: every AJAX request carries the whole snapshot)",
        "DIFFYNE_MAX_STATE_SIZE|256k|DIFFYNE_MAX_STATE_SIZE='256k' is not valid: expected a whole number of bytes from 1024 to 1048576 (at most DIFFYNE_WS_MAX_MESSAGE_SIZE: every AJAX request carries the whole snapshot)",
        "DIFFYNE_TREE_CACHE_SIZE|-1|DIFFYNE_TREE_CACHE_SIZE='-1' is not valid: expected a whole number of bytes from 0 to 1099511627776",
        "DIFFYNE_WS_LIVE_TOTAL_SIZE|1000|DIFFYNE_WS_LIVE_TOTAL_SIZE='1000' is not valid: expected a whole number of bytes from 65536 to 1099511627776",
        "DIFFYNE_WS_LIVE_SIZE|200000000|DIFFYNE_WS_LIVE_SIZE='200000000' is not valid: expected a whole number of bytes from 65536 to 100663296 (at most DIFFYNE_WS_LIVE_TOTAL_SIZE, the bound for all connections together)",
        "DIFFYNE_WS_CONNECTIONS_PER_CLIENT|-1|DIFFYNE_WS_CONNECTIONS_PER_CLIENT='-1' is not valid: expected a whole number from 0 to 1000000",
        "DIFFYNE_DEBUG|maybe|DIFFYNE_DEBUG='maybe' is not valid: expected 'true' or 'false'",
        "DIFFYNE_UPLOAD_DIR|uploads|DIFFYNE_UPLOAD_DIR='uploads' is not valid: expected an absolute folder path, e.g. /var/tmp/diffyne-uploads",
        "DIFFYNE_UPLOAD_MAX_SIZE|0|DIFFYNE_UPLOAD_MAX_SIZE='0' is not valid: expected a whole number of bytes from 1 to 2147483648",
        "DIFFYNE_UPLOAD_MAX_SIZE|10MB|DIFFYNE_UPLOAD_MAX_SIZE='10MB' is not valid: expected a whole number of bytes from 1 to 2147483648",
        "DIFFYNE_UPLOAD_MIMES|image/*|DIFFYNE_UPLOAD_MIMES='image/*' is not valid: expected a comma-separated list of content types like image/png,application/pdf (no wildcards or parameters)",
        "DIFFYNE_UPLOAD_MIMES|text/plain; charset=utf-8|DIFFYNE_UPLOAD_MIMES='text/plain; charset=utf-8' is not valid: expected a comma-separated list of content types like image/png,application/pdf (no wildcards or parameters)",
        "DIFFYNE_UPLOAD_MIMES|' , '|DIFFYNE_UPLOAD_MIMES=',' is not valid: expected at least one content type such as image/png",
        "DIFFYNE_CLUSTER_MEMBERS|10.0.0.1|DIFFYNE_CLUSTER_MEMBERS='10.0.0.1' is not valid: expected a comma-separated list of host:port, e.g. 10.0.0.1:5701,10.0.0.2:5701 (every member of the cluster, this one included)",
        "DIFFYNE_CLUSTER_MEMBERS|10.0.0.1:5701,10.0.0.2:70000|DIFFYNE_CLUSTER_MEMBERS='10.0.0.2:70000' is not valid: expected a comma-separated list of host:port, e.g. 10.0.0.1:5701,10.0.0.2:5701 (every member of the cluster, this one included)",
        "DIFFYNE_CLUSTER_MEMBERS|http://a:1|DIFFYNE_CLUSTER_MEMBERS='http://a:1' is not valid: expected a comma-separated list of host:port, e.g. 10.0.0.1:5701,10.0.0.2:5701 (every member of the cluster, this one included)",
        "DIFFYNE_CLUSTER_MEMBERS|' , '|DIFFYNE_CLUSTER_MEMBERS=',' is not valid: expected at least one host:port such as 10.0.0.1:5701",
        "DIFFYNE_CLUSTER_NAME|my cluster|DIFFYNE_CLUSTER_NAME='my cluster' is not valid: expected 1 to 64 letters, digits, '.', '_' or '-', e.g. diffyne-prod",
        "DIFFYNE_CLUSTER_PORT|0|DIFFYNE_CLUSTER_PORT='0' is not valid: expected a whole number from 1 to 65535",
        "DIFFYNE_CLUSTER_PORT|57o1|DIFFYNE_CLUSTER_PORT='57o1' is not valid: expected a whole number from 1 to 65535",
        "DIFFYNE_CLUSTER_INTERFACE|10.0.0.256|DIFFYNE_CLUSTER_INTERFACE='10.0.0.256' is not valid: expected an IPv4 address of this machine, e.g. 10.0.0.1",
        "DIFFYNE_CLUSTER_PAYARA_GRID|yes|DIFFYNE_CLUSTER_PAYARA_GRID='yes' is not valid: expected 'true' or 'false'",
        "DIFFYNE_CLUSTER_INTERFACE|eth0|DIFFYNE_CLUSTER_INTERFACE='eth0' is not valid: expected an IPv4 address of this machine, e.g. 10.0.0.1",
    })
    void badValuesFailWithAMessageNamingTheVariable(String name, String value, String message) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> load(Map.of(name, value)));
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(unset)|127.0.0.1,::1|127.0.0.1 0:0:0:0:0:0:0:1 ::ffff:127.0.0.1|127.0.0.2 10.0.0.1 192.168.1.1 fd00::1",
        "''|(none)||127.0.0.1 ::1",
        "' 10.0.0.0/8 , 2001:db8::/32 ,, 203.0.113.7'|10.0.0.0/8,2001:db8::/32,203.0.113.7|10.255.0.1 2001:db8:ffff::1 203.0.113.7|11.0.0.1 2001:db9::1 203.0.113.8 127.0.0.1",
        "172.16.0.0/12|172.16.0.0/12|172.16.0.1 172.31.255.255|172.32.0.1 172.15.255.255",
        "0.0.0.0/0|0.0.0.0/0|198.51.100.1|::1",
    })
    void trustedProxiesAreIpsOrCidrBlocks(String value, String described, String trusted, String untrusted) {
        Map<String, String> values = value.equals("(unset)") ? Map.of() : Map.of("DIFFYNE_TRUSTED_PROXIES", value);
        DiffyneSettings s = load(values);
        assertTrue(s.describe().contains(", DIFFYNE_TRUSTED_PROXIES=" + described + ", "), s.describe());
        for (String address : trusted == null ? new String[0] : trusted.split(" ")) {
            assertTrue(s.trustedProxies().trusts(address), address);
        }
        for (String address : untrusted.split(" ")) {
            assertFalse(s.trustedProxies().trusts(address), address);
        }
    }

    @Test
    void shortKeysAreRefusedWithoutEchoingThem() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> load(Map.of("DIFFYNE_WS_KEY", "secret")));
        assertEquals("DIFFYNE_WS_KEY is too short (6 characters): use at least 16 random characters, "
                + "e.g. the output of `openssl rand -base64 32`", e.getMessage());
        assertFalse(e.getMessage().contains("secret"));
    }

    @Test
    void describeMasksSecrets() {
        DiffyneSettings s = load(Map.of("DIFFYNE_WS_KEY", KEY, "DIFFYNE_SIGNING_KEY", "signing-secret-0000"));
        assertFalse(s.describe().contains(KEY));
        assertFalse(s.toString().contains("signing-secret"));
        assertTrue(s.describe().contains("DIFFYNE_WS_KEY=****"));
    }

    @Test
    void theTemplateDirIsAnExistingAbsoluteFolder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        assertTrue(load(Map.of()).templateDir().isEmpty());
        assertTrue(load(Map.of()).describe().contains(", DIFFYNE_TEMPLATE_DIR=(class path)"));
        DiffyneSettings s = load(Map.of("DIFFYNE_TEMPLATE_DIR", dir + "/./"));
        assertEquals(dir, s.templateDir().orElseThrow());
        assertTrue(s.describe().contains(", DIFFYNE_TEMPLATE_DIR=" + dir), s.describe());
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("counter.peb"), "x");
        for (String bad : new String[] {"src/main/resources", dir.resolve("missing").toString(), file.toString()}) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> load(Map.of("DIFFYNE_TEMPLATE_DIR", bad)));
            assertEquals("DIFFYNE_TEMPLATE_DIR='" + bad + "' is not valid: expected the absolute path of an existing"
                    + " folder holding diffyne/ and pages/, e.g. the project's src/main/resources", e.getMessage());
        }
    }

    @Test
    void theDashboardIsOffByDefault() {
        DiffyneSettings s = load(Map.of());
        assertFalse(s.dashboard().enabled());
        assertTrue(s.describe().endsWith(", DIFFYNE_DASHBOARD=false, DIFFYNE_DASHBOARD_ROLE=(none), "
                + "DIFFYNE_DASHBOARD_KEY=(none)"), s.describe());
    }

    @Test
    void readsTheDashboardSettingsAndNeverPrintsItsKey() {
        DiffyneSettings s = load(Map.of("DIFFYNE_DASHBOARD", "true", "DIFFYNE_DASHBOARD_ROLE", " ops ",
                "DIFFYNE_DASHBOARD_KEY", "dashboard-secret-0123"));
        assertTrue(s.dashboard().enabled());
        assertEquals(Optional.of("ops"), s.dashboard().role());
        assertEquals(Optional.of("dashboard-secret-0123"), s.dashboard().key());
        assertTrue(s.describe().endsWith(", DIFFYNE_DASHBOARD=true, DIFFYNE_DASHBOARD_ROLE=ops, DIFFYNE_DASHBOARD_KEY=****"));
        assertFalse(s.toString().contains("dashboard-secret"));
    }

    @Test
    void refusesADashboardNobodyMayOpenABadRoleAShortKeyAndABadSwitch() {
        ConfigurationException nobody = assertThrows(ConfigurationException.class,
                () -> load(Map.of("DIFFYNE_DASHBOARD", "true")));
        assertEquals("DIFFYNE_DASHBOARD=true but nobody may open the dashboard: set DIFFYNE_DASHBOARD_ROLE (a role of"
                + " your users) or DIFFYNE_DASHBOARD_KEY (a secret of at least 16 characters), or both", nobody.getMessage());
        assertEquals("DIFFYNE_DASHBOARD_ROLE='a b' is not valid: expected a role name of letters, digits, '_', '.', ':'"
                + " or '-'", assertThrows(ConfigurationException.class,
                () -> load(Map.of("DIFFYNE_DASHBOARD_ROLE", "a b"))).getMessage());
        assertTrue(assertThrows(ConfigurationException.class, () -> load(Map.of("DIFFYNE_DASHBOARD_KEY", "short")))
                .getMessage().startsWith("DIFFYNE_DASHBOARD_KEY is too short (5 characters)"));
        assertEquals("DIFFYNE_DASHBOARD='maybe' is not valid: expected 'true' or 'false'",
                assertThrows(ConfigurationException.class, () -> load(Map.of("DIFFYNE_DASHBOARD", "maybe"))).getMessage());
    }
}
