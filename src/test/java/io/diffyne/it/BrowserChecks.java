package io.diffyne.it;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The browser part of {@link ServerSmoke}: the end-to-end files that cover a server's transports ({@link #FILES}: a
 * counter clicked over WebSocket, the page with its WebSocket refused on AJAX, a socket dropped mid-session losing and
 * doubling no click, the chat between two pages over WebSocket and over the event stream, an upload, the JSP page's
 * counters) run in real
 * headless Chromium by {@code scripts/e2e.mjs} against an application another test started, named by
 * {@code E2E_BASE_URL}. The runner's output goes to {@code <it-logs>/<name>-browser.log}, failure screenshots under
 * {@code <it-logs>/<name>-browser/}. Skipped with the other browser tests ({@code -DskipE2E}: failsafe passes
 * {@code diffyne.e2e.skip}).
 */
final class BrowserChecks {

    static final List<String> FILES = List.of("src/test/e2e/transport.test.mjs", "src/test/e2e/chat.test.mjs",
            "src/test/e2e/upload.test.mjs", "src/test/e2e/jsp.test.mjs");

    /** The runner's own bound is 15 minutes; a server's files take about half a minute. */
    private static final long TIMEOUT_SECONDS = 240;

    private BrowserChecks() {
    }

    static boolean skipped() {
        return Boolean.parseBoolean(System.getProperty("diffyne.e2e.skip", "false"));
    }

    /**
     * Runs {@link #FILES} against {@code base} ({@code http://127.0.0.1:<port>/<context>/}), where the demo chat says its
     * messages are kept in {@code chatStorage}; returns normally when every test passed, else throws with the runner's
     * last lines.
     */
    static void run(URI base, String name, String chatStorage) throws IOException, InterruptedException {
        Path logs = Path.of(System.getProperty("diffyne.it.logs", "target/it-logs"));
        Files.createDirectories(logs);
        Path log = logs.resolve(name + "-browser.log");
        List<String> command = new ArrayList<>(List.of("node", "scripts/e2e.mjs", "--out",
                logs.resolve(name + "-browser").toAbsolutePath().toString()));
        command.addAll(FILES);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        String url = base.toString();
        builder.environment().put("E2E_BASE_URL", url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        builder.environment().put("E2E_CHAT_STORAGE", chatStorage);
        Process runner = builder.start();
        try {
            if (!runner.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the browser checks did not finish within " + TIMEOUT_SECONDS + " s; "
                        + tail(log));
            }
            if (runner.exitValue() != 0) {
                throw new AssertionError("the browser checks failed (exit " + runner.exitValue() + "), log " + log
                        + ":\n" + tail(log));
            }
        } finally {
            // the runner stops the browsers it launched on its way out; a runner cut short takes them along
            runner.descendants().forEach(ProcessHandle::destroy);
            runner.destroy();
            if (!runner.waitFor(10, TimeUnit.SECONDS)) {
                runner.descendants().forEach(ProcessHandle::destroyForcibly);
                runner.destroyForcibly();
            }
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
