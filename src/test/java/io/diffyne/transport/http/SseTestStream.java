package io.diffyne.transport.http;

import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.StringJoiner;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.jsoup.nodes.Element;

/**
 * {@code GET /_diffyne/events} as an EventSource does it, for integration tests: the status and type of the answer,
 * the body of a refusal, and the events of an open stream, read line by line on a thread of its own.
 */
public final class SseTestStream implements AutoCloseable {

    /** One Server-Sent Event: its {@code event:} name and {@code data:} line. */
    public record Event(String name, String data) {
    }

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private SseTestStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        if (response.statusCode() == 200) {
            Thread reader = new Thread(() -> {
                try {
                    response.body().forEach(lines::add);
                } catch (RuntimeException closed) {
                    // close() ended the stream under the reader
                }
            }, "it-sse-reader");
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** Opens {@code _diffyne/events} with {@code query} (already encoded, without '?') and waits for the answer. */
    public static SseTestStream open(HttpClient http, URI base, String query)
            throws InterruptedException, ExecutionException, TimeoutException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("_diffyne/events" + (query == null ? "" : "?" + query)))
                .header("Accept", "text/event-stream").GET().build();
        return new SseTestStream(http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(20, TimeUnit.SECONDS));
    }

    /**
     * {@code channels=<channel>~<grant>,…} for every channel of the component root {@code component}, with the grants
     * its {@code diff:grants} holds, as the JavaScript client builds it.
     */
    public static String grantedQuery(Element component) {
        JsonObject grants = (JsonObject) AjaxTestClient.parse(component.attr("diff:grants"));
        StringJoiner entries = new StringJoiner(",", "channels=", "");
        for (var channel : AjaxTestClient.parse(component.attr("diff:channels")).asJsonArray()) {
            String name = ((jakarta.json.JsonString) channel).getString();
            entries.add(URLEncoder.encode(name + "~" + grants.getString(name), StandardCharsets.UTF_8));
        }
        return entries.toString();
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The whole body of an answer that is not a stream (a refusal). */
    public String body() {
        if (status() == 200) {
            throw new IllegalStateException("an open stream has no end");
        }
        try (Stream<String> body = response.body()) {
            return String.join("\n", body.toList());
        }
    }

    /** The next line of the stream, or null when none comes within {@code timeout}. */
    public String nextLine(Duration timeout) throws InterruptedException {
        return lines.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The next event (comments skipped), or null when none is complete within {@code timeout}. */
    public Event next(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String name = null;
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                return null;
            }
            if (line.startsWith("event: ")) {
                name = line.substring(7);
            } else if (line.startsWith("data: ")) {
                return new Event(name, line.substring(6));
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (status() == 200) {
            response.body().close();
        }
    }
}
