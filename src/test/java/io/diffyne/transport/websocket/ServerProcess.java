package io.diffyne.transport.websocket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Payara Micro process Arquillian started for this test JVM (a child of it), for heap figures through the
 * JDK's {@code jcmd}. Empty when it cannot be found or inspected, so callers skip rather than guess.
 */
public final class ServerProcess {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private final long pid;
    private final Path jcmd;

    private ServerProcess(long pid, Path jcmd) {
        this.pid = pid;
        this.jcmd = jcmd;
    }

    /** The server with this process id (one the test started itself). */
    public static ServerProcess of(long pid) {
        return new ServerProcess(pid, Path.of(System.getProperty("java.home"), "bin", "jcmd"));
    }

    public static Optional<ServerProcess> find() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return Optional.empty();
        }
        List<ProcessHandle> servers = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro")).orElse(false))
                .toList();
        return servers.size() == 1 ? Optional.of(new ServerProcess(servers.get(0).pid(), jcmd)) : Optional.empty();
    }

    /** Heap in use after a full collection, in KiB. */
    public long heapUsedAfterGcKiB() throws IOException, InterruptedException {
        run("GC.run");
        String info = run("GC.heap_info");
        Matcher m = USED.matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("no heap figure in jcmd output: " + info);
        }
        return Long.parseLong(m.group(1));
    }

    private String run(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true)
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("jcmd " + command + " did not finish in 60 s");
        }
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
