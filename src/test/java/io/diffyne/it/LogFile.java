package io.diffyne.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** A log file a server writes on its own (not its console), read by the tests that route a logger there. */
final class LogFile {

    private LogFile() {
    }

    /**
     * Waits until {@code file} exists and contains {@code text}, at most {@code timeout}; returns its content then,
     * or fails with what it held (loggers flush each record, but the server writes on its own threads).
     */
    static String awaitContaining(Path file, String text, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String content = "";
        while (true) {
            if (Files.isRegularFile(file)) {
                content = Files.readString(file, StandardCharsets.UTF_8);
                if (content.contains(text)) {
                    return content;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(file + (Files.exists(file) ? "" : " (missing)") + " did not receive '" + text
                        + "' within " + timeout + "; it holds:\n" + content);
            }
            Thread.sleep(200);
        }
    }
}
