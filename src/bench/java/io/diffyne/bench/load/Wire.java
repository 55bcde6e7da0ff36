package io.diffyne.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** HTTP helpers: the requests the browser client sends, with its headers. */
final class Wire {

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Wire() {
    }

    static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    }

    static String get(HttpClient http, String url) {
        HttpResponse<String> r = send(http, HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build());
        BenchFailure.check(r.statusCode() == 200, () -> "GET " + url + " answered " + r.statusCode());
        return r.body();
    }

    /** POSTs JSON as {@code ajax.js} does (same content headers; a browser adds its own User-Agent and cookies). */
    static HttpResponse<String> postJson(HttpClient http, String url, String body) {
        return send(http, HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-Requested-With", "Diffyne")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static HttpResponse<byte[]> sendBytes(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new BenchFailure(request.method() + " " + request.uri() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted");
        }
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BenchFailure(request.method() + " " + request.uri() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted");
        }
    }

    /** One POST of {@code body} to an echo at {@code url}, checked to come back unchanged: its round trip in ns. */
    static long echo(HttpClient http, String url, String body) {
        long start = System.nanoTime();
        HttpResponse<String> r = postJson(http, url, body);
        long nanos = System.nanoTime() - start;
        BenchFailure.check(r.statusCode() == 200 && r.body().equals(body), () -> "the echo at " + url
                + " answered " + r.statusCode() + " and changed the body");
        return nanos;
    }
}
