package io.diffyne.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real WebSocket client for the integration tests (the JDK's {@code java.net.http.WebSocket}): collects whole
 * text messages, records the close, and can stop reading to play a slow client. Every wait is bounded.
 */
public final class TestSocket implements AutoCloseable {

    /** How the server ended the connection: code and reason, or code 1006 when the TCP connection just dropped. */
    public record Closed(int code, String reason) {
    }

    /** {@code DIFFYNE_WS_PATH} on the integration-test servers (the default). */
    public static final String WS_PATH = "/diffyne";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final java.util.regex.Pattern TOKEN =
            java.util.regex.Pattern.compile("\\{\"token\":\"(v1\\.[^\"]+)\",\"tokenExpires\":\\d+}");
    private static final java.util.regex.Pattern CONNECTED = java.util.regex.Pattern.compile(
            "\\{\"event\":\"diffyne.connected\",\"data\":\\{\"clientId\":\"([A-Za-z0-9_-]{22})\"}}");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final AtomicBoolean reading;
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    private String clientId;

    private TestSocket(boolean reading) {
        this.reading = new AtomicBoolean(reading);
    }

    /** The WebSocket URI of the application at {@code httpBase} ({@code http://127.0.0.1:port/ctx/}). */
    public static URI wsUri(URI httpBase, String query) {
        String http = httpBase.toString();
        String root = http.endsWith("/") ? http.substring(0, http.length() - 1) : http;
        return URI.create(root.replaceFirst("^http", "ws") + WS_PATH + (query == null ? "" : "?" + query));
    }

    /** The origin of {@code httpBase}, as a page the application served would send it. */
    public static String origin(URI httpBase) {
        return httpBase.getScheme() + "://" + httpBase.getHost() + (httpBase.getPort() == -1 ? "" : ":" + httpBase.getPort());
    }

    /** {@code POST <ctx>/_diffyne/token} with {@code origin} (null: none). */
    public static java.net.http.HttpResponse<String> postToken(URI httpBase, String origin) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(httpBase.resolve("_diffyne/token"))
                .timeout(WAIT).POST(java.net.http.HttpRequest.BodyPublishers.noBody());
        if (origin != null) {
            request.header("Origin", origin);
        }
        try {
            return HTTP.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError("token request failed", e);
        }
    }

    /** A page token, fetched as the application's own page would. */
    public static String pageToken(URI httpBase) {
        java.net.http.HttpResponse<String> response = postToken(httpBase, origin(httpBase));
        java.util.regex.Matcher m = TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !m.matches()) {
            fail("no token: " + response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }

    /** Connects as a page of the application would (token, own Origin) and reads the greeting. */
    public static TestSocket connectAsPage(URI httpBase, String token) {
        return connectAsPage(httpBase, token, true);
    }

    /** As {@link #connectAsPage(URI, String)}; {@code reading=false} reads nothing after the greeting. */
    public static TestSocket connectAsPage(URI httpBase, String token, boolean reading) {
        try {
            TestSocket socket = connect(wsUri(httpBase, "token=" + token), Map.of("Origin", origin(httpBase)), true);
            String greeting = socket.next(WAIT);
            java.util.regex.Matcher m = CONNECTED.matcher(greeting);
            if (!m.matches()) {
                fail("expected diffyne.connected first, got " + greeting);
            }
            socket.clientId = m.group(1);
            socket.reading.set(reading);
            return socket;
        } catch (WebSocketHandshakeException e) {
            throw new AssertionError("handshake refused: " + e.getResponse().statusCode() + " " + e.getResponse().body(), e);
        }
    }

    /** The id the server greeted this connection with ({@link #connectAsPage} only). */
    public String clientId() {
        return clientId;
    }

    public static TestSocket connect(URI uri, Map<String, String> headers) throws WebSocketHandshakeException {
        return connect(uri, headers, true);
    }

    /** Connects; {@code reading=false} never reads a message (the server's sends back up). */
    public static TestSocket connect(URI uri, Map<String, String> headers, boolean reading)
            throws WebSocketHandshakeException {
        TestSocket client = new TestSocket(reading);
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        try {
            client.socket = builder.buildAsync(uri, client.listener()).get(20, TimeUnit.SECONDS);
            return client;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                throw refused;
            }
            throw new AssertionError("WebSocket connection to " + uri.getPath() + " failed", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("WebSocket connection to " + uri.getPath() + " timed out", e);
        }
    }

    /** The HTTP status of a handshake the server must refuse; fails if it connects. */
    public static int refusedStatus(URI uri, Map<String, String> headers) {
        try (TestSocket unexpected = connect(uri, headers)) {
            fail("the handshake was accepted; first message: " + unexpected.next(Duration.ofSeconds(2)));
            return -1;
        } catch (WebSocketHandshakeException refused) {
            return refused.getResponse().statusCode();
        }
    }

    private static final java.util.regex.Pattern OPEN_CONNECTIONS =
            java.util.regex.Pattern.compile("\"openConnections\":(\\d+)");

    /** The open WebSocket connections the health resource reports. */
    public static int openConnections(URI httpBase) {
        try {
            java.net.http.HttpResponse<String> health = HTTP.send(java.net.http.HttpRequest.newBuilder(
                            httpBase.resolve("_diffyne/health"))
                    .timeout(Duration.ofSeconds(10)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            java.util.regex.Matcher m = OPEN_CONNECTIONS.matcher(health.body());
            if (!m.find()) {
                fail("health does not report openConnections: " + health.body());
            }
            return Integer.parseInt(m.group(1));
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError("health request failed", e);
        }
    }

    /**
     * Polls the health resource until it reports {@code expected} open connections, at most {@code timeout}; four
     * times a second, within the rate limit of the shared IT server's loopback client (600 a minute) however long the
     * wait.
     */
    public static int awaitOpenConnections(URI httpBase, int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int open = openConnections(httpBase);
        while (open != expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            open = openConnections(httpBase);
        }
        return open;
    }

    /** A token for {@code key} that expired an hour ago. */
    public static String expiredToken(String key) {
        return new HandshakeTokens(key, Duration.ofSeconds(30),
                Clock.fixed(java.time.Instant.now().minusSeconds(3600), ZoneOffset.UTC)).issue().value();
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            @Override
            public void onOpen(WebSocket webSocket) {
                if (reading.get()) {
                    webSocket.request(1);
                }
            }

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    messages.add(partial.toString());
                    partial.setLength(0);
                }
                if (reading.get()) {
                    webSocket.request(1);
                }
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(new Closed(statusCode, reason));
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.complete(new Closed(1006, String.valueOf(error)));
            }
        };
    }

    public void send(String text) {
        try {
            socket.sendText(text, true).get(20, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("sending failed", e);
        }
    }

    /** Sends and waits up to {@code timeout}; false when the connection failed or closed meanwhile. */
    public boolean trySend(String text, Duration timeout) {
        return trySend(text, true, timeout);
    }

    /** As {@link #trySend(String, Duration)}, one fragment of a message ({@code last} ends it). */
    public boolean trySend(String text, boolean last, Duration timeout) {
        try {
            socket.sendText(text, last).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Sends a binary message without waiting (the server accepts text only). */
    public CompletableFuture<WebSocket> sendBinaryAsync(byte[] data) {
        return socket.sendBinary(java.nio.ByteBuffer.wrap(data), true);
    }

    /** Sends without waiting for the frame to leave (a client flooding a server that stopped reading it). */
    public CompletableFuture<WebSocket> sendAsync(String text) {
        return socket.sendText(text, true);
    }

    /** The next whole message; fails after {@code timeout}. */
    public String next(Duration timeout) {
        try {
            String message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                fail("no message within " + timeout + (closed.isDone() ? "; closed: " + closed.getNow(null) : ""));
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Skips messages until one of {@code event} arrives; fails after {@code timeout}. */
    public String nextEvent(String event, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String prefix = "{\"event\":\"" + event + "\"";
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("no " + event + " within " + timeout);
            }
            String message = next(Duration.ofNanos(left));
            if (message.startsWith(prefix)) {
                return message;
            }
        }
    }

    /** The next message if one arrives within {@code timeout}, else null. */
    public String poll(Duration timeout) {
        try {
            return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public Closed awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the connection was not closed within " + timeout, e);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** Starts reading again after connecting with {@code reading=false}. */
    public void startReading() {
        reading.set(true);
        socket.request(Long.MAX_VALUE);
    }

    /** Closes normally and waits for the server's answer. */
    @Override
    public void close() {
        if (socket == null || closed.isDone()) {
            if (socket != null) {
                socket.abort();
            }
            return;
        }
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
            if (reading.get()) {
                closed.get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            // the server went first or is gone: nothing left to close politely
        } finally {
            socket.abort();
        }
    }

    /** Kills the connection without a close handshake, as a dropped network does: nothing more is read or sent. */
    public void abort() {
        socket.abort();
    }

    /** Asserts the UTF-8 size of a text, for messages sized against the server's limit. */
    public static void assertUtf8Size(int expected, String text) {
        assertEquals(expected, text.getBytes(StandardCharsets.UTF_8).length);
    }
}
