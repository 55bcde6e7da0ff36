package io.diffyne.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a server a test started to answer its health URL with 200. */
final class HealthProbe {

    private HealthProbe() {
    }

    /**
     * Asks {@code health} every 250 ms until it answers 200; fails with {@code diagnostics} (the server's logs) when
     * {@code deadline} passes or {@code failed} says the server will not come up (it exited, its deployment failed).
     */
    static void awaitOk(URI health, Instant deadline, BooleanSupplier failed, Supplier<String> diagnostics)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int status = -1;
        while (Instant.now().isBefore(deadline) && !failed.getAsBoolean()) {
            try {
                status = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError(health + (failed.getAsBoolean() ? ": the server failed" : " did not answer 200 by "
                + deadline) + " (last status " + status + "):\n" + diagnostics.get());
    }
}
