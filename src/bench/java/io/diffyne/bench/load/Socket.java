package io.diffyne.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One WebSocket connection; every whole text message is queued with the time it arrived (taken before any parsing, so
 * the client's own JSON work is outside the figures).
 */
final class Socket implements WebSocket.Listener {

    /** A received message and its arrival, {@link System#nanoTime()}. */
    record Message(String text, long at) {
    }

    private final BlockingQueue<Message> inbox = new LinkedBlockingQueue<>(100_000);
    private final StringBuilder partial = new StringBuilder();
    private WebSocket ws;
    /** Held on purpose: the JDK closes every WebSocket of an HttpClient that becomes unreachable. */
    private HttpClient http;

    static Socket open(HttpClient http, String url) {
        Socket socket = new Socket();
        socket.http = http;
        try {
            socket.ws = http.newWebSocketBuilder().connectTimeout(Wire.TIMEOUT).buildAsync(URI.create(url), socket)
                    .get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new BenchFailure("WebSocket " + url.replaceAll("key=[^&]*", "key=…") + " did not open: " + e);
        }
        return socket;
    }

    void send(String text) {
        try {
            ws.sendText(text, true).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new BenchFailure("WebSocket send failed: " + e);
        }
    }

    /** The next message, or a failure after {@code millis}. */
    Message next(long millis) {
        try {
            Message m = inbox.poll(millis, TimeUnit.MILLISECONDS);
            BenchFailure.check(m != null, () -> "no WebSocket message within " + millis + " ms");
            return m;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted");
        }
    }

    /** The next message whose text contains {@code marker} (e.g. {@code "event":"diffyne.response"}), skipping others. */
    Message next(String marker, long millis) {
        Deadline deadline = Deadline.in(java.time.Duration.ofMillis(millis));
        while (true) {
            Message m = next(Math.max(1, deadline.leftMillis()));
            if (m.text.contains(marker)) {
                return m;
            }
            BenchFailure.check(!m.text.contains("\"diffyne.error\""), () -> "the server answered an error: " + m.text);
            deadline.check("waiting for " + marker);
        }
    }

    /**
     * The next answer to a request (protocol v2: the message without an envelope), skipping envelopes (pushes,
     * pongs); a {@code diffyne.error} is a failure of the benchmark.
     */
    Message nextAnswer(long millis) {
        Deadline deadline = Deadline.in(java.time.Duration.ofMillis(millis));
        while (true) {
            Message m = next(Math.max(1, deadline.leftMillis()));
            if (!m.text.startsWith("{\"event\"")) {
                return m;
            }
            BenchFailure.check(!m.text.contains("\"diffyne.error\""), () -> "the server answered an error: " + m.text);
            deadline.check("waiting for an answer");
        }
    }

    void close() {
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        }
    }

    void abort() {
        if (ws != null) {
            ws.abort();
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long at = System.nanoTime();
        partial.append(data);
        if (last) {
            if (!inbox.offer(new Message(partial.toString(), at))) {
                partial.setLength(0);
                throw new BenchFailure("a client inbox overflowed");
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }
}
