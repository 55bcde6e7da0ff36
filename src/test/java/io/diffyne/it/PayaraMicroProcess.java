package io.diffyne.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Payara Micro JVM started by a test itself, for what Arquillian cannot show (a deployment that must fail, a
 * second instance). Always {@code --disablephonehome}, and {@code --nocluster} unless the options name a
 * {@code --clustermode} (the cluster test's TCP/IP join on loopback); output goes to a file under
 * {@code target/it-logs}; {@link #close()} stops exactly this process, by its PID.
 */
final class PayaraMicroProcess implements AutoCloseable {

    /** Payara's log line when the WAR did not deploy (the server keeps running, with nothing at the context root). */
    private static final String DEPLOY_FAILED = "Exception while deploying the app";


    /** Binds the HTTP listeners to 127.0.0.1 (basedir is set by failsafe). */
    private static final Path LOOPBACK_PREBOOT = Path.of(System.getProperty("basedir", "."),
            "src", "test", "resources", "payara-loopback.preboot");

    private final Process process;
    private final Path log;
    private final int port;
    private final String basePath;

    private PayaraMicroProcess(Process process, Path log, int port, String basePath) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.basePath = basePath;
    }

    /** Starts Payara Micro on a free loopback-chosen port, deploying the built WAR with these JVM options. */
    static PayaraMicroProcess start(String name, List<String> jvmOptions) throws IOException {
        return start(name, jvmOptions, required("diffyne.war"), List.of(), null, false);
    }

    /** The same, the WAR at the context root {@code /} when {@code atRoot} (as the scripts and the image deploy it). */
    static PayaraMicroProcess start(String name, List<String> jvmOptions, boolean atRoot) throws IOException {
        return start(name, jvmOptions, required("diffyne.war"), List.of(), null, atRoot);
    }

    /** As {@link #start(String, List)}, deploying {@code war} (its file name, less {@code .war}, is the context root). */
    static PayaraMicroProcess start(String name, List<String> jvmOptions, String war) throws IOException {
        return start(name, jvmOptions, war, List.of(), null, false);
    }

    /**
     * The same, with more Payara Micro options (e.g. {@code --logproperties file}) and started in {@code directory}
     * (null: the test's own), against which relative paths in the server's configuration resolve.
     */
    static PayaraMicroProcess start(String name, List<String> jvmOptions, List<String> options, Path directory)
            throws IOException {
        return start(name, jvmOptions, required("diffyne.war"), options, directory, false);
    }

    /** The same, the WAR at the context root {@code /} when {@code atRoot}. */
    static PayaraMicroProcess start(String name, List<String> jvmOptions, List<String> options, Path directory,
            boolean atRoot) throws IOException {
        return start(name, jvmOptions, required("diffyne.war"), options, directory, atRoot);
    }

    private static PayaraMicroProcess start(String name, List<String> jvmOptions, String war, List<String> options,
            Path directory, boolean atRoot) throws IOException {
        String jar = required("payara.microJar");
        Path logs = Path.of(System.getProperty("diffyne.it.logs", "target/it-logs"));
        Files.createDirectories(logs);
        Path log = logs.resolve(name + ".log");
        int port = freePort();

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar));
        if (!options.contains("--clustermode")) {
            command.add("--nocluster");
        }
        command.addAll(List.of("--disablephonehome", "--nohostaware",
                "--prebootcommandfile", LOOPBACK_PREBOOT.toString(),
                "--port", Integer.toString(port)));
        if (atRoot) {
            command.addAll(List.of("--contextroot", "/"));
        }
        command.addAll(List.of("--deploy", war));
        command.addAll(options);
        Process process = new ProcessBuilder(command)
                .directory(directory == null ? null : directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new PayaraMicroProcess(process, log, port, atRoot ? "/" : "/diffyne/");
    }

    int port() {
        return port;
    }

    /** The application's root on this server: {@code http://127.0.0.1:<port>/diffyne/} (or {@code /}). */
    URI base() {
        return URI.create("http://127.0.0.1:" + port + basePath);
    }

    /** The root of the application deployed under {@code context}: {@code http://127.0.0.1:<port>/<context>/}. */
    URI base(String context) {
        return URI.create("http://127.0.0.1:" + port + "/" + context + "/");
    }

    /** Fails when the output after {@code mark} (an earlier length of {@link #output()}) holds a SEVERE line. */
    void assertNoSevereSince(int mark) {
        String since = output().substring(mark);
        if (since.contains("SEVERE")) {
            throw new AssertionError("a SEVERE line in the server log:\n" + since);
        }
    }

    long pid() {
        return process.pid();
    }

    /** Everything the server printed so far. */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until the output satisfies {@code condition}, the process exits or {@code timeout} passes; returns the
     * output then, so the caller asserts on what the server said.
     */
    String awaitOutput(Predicate<String> condition, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            String output = output();
            if (condition.test(output) || !process.isAlive()) {
                return output();
            }
            Thread.sleep(250);
        }
        return output();
    }

    /**
     * Waits until {@code <base>health} answers 200 (the application is deployed and ready), at most {@code timeout};
     * fails with the server's output otherwise. {@code base} is e.g. {@code http://127.0.0.1:port/diffyne/}.
     */
    void awaitHealthy(URI base, Duration timeout) throws InterruptedException {
        // HTTP/1.1: the client's h2c upgrade offer, made on a connection to a server still starting, was seen to go
        // unanswered on every later probe of that start while curl got 200 (ChatOnPostgresIT)
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        int status = -1;
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            if (output().contains(DEPLOY_FAILED)) {
                break; // Payara Micro stays up with nothing deployed: every later probe would answer 404
            }
            try {
                // bounded here too: the request's own timeout ends at the response's headers
                status = http.sendAsync(HttpRequest.newBuilder(base.resolve("health")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding()).get(10, TimeUnit.SECONDS).statusCode();
                if (status == 200) {
                    return;
                }
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException notListeningYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError(base.resolve("health") + " did not answer 200 within " + timeout + " (last status "
                + status + (process.isAlive() ? "" : ", server exited")
                + (output().contains(DEPLOY_FAILED) ? ", the deployment failed" : "") + "):\n" + output());
    }

    /** Copies this start's output so far to {@code <name>.<suffix>.log} beside it (a new start truncates the log). */
    Path keepLogAs(String suffix) throws IOException {
        String file = log.getFileName().toString();
        Path kept = log.resolveSibling(file.substring(0, file.length() - ".log".length()) + "." + suffix + ".log");
        return Files.copy(log, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Whether this start's deployment failed in Payara's own boot, before any of the application's code ran: Payara
     * Micro 6.2025.10 once found its main thread's context class loader null while it installed the JACC policy
     * provider ({@code PolicyLoader.loadClass}, "SecurityLifecycleException" in a clustered start, CI 2026-12-03).
     * Nothing about the WAR or the test changes that; a new start does.
     */
    boolean failedInPayarasBoot() {
        String out = output();
        return out.contains(DEPLOY_FAILED) && out.contains("SecurityLifecycleException")
                && out.contains("because the return value of \"java.lang.Thread.getContextClassLoader()\" is null");
    }

    /** SIGTERM to this PID, then SIGKILL if it has not ended within 20 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || !new File(value).isFile()) {
            throw new IllegalStateException("system property " + property + " must name an existing file (set by"
                    + " failsafe in pom.xml), was " + value);
        }
        return value;
    }

    /** Ports {@link #freePort()} handed out in this JVM. */
    private static final java.util.Set<Integer> GIVEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A port free on loopback now and not handed out before in this JVM: the kernel may hand a port out again once the
     * probe socket is closed, and a server binds its port only when it starts, so two ports picked one after the other
     * for two servers could otherwise be the same one (scripts/lib/own-processes.sh saw it happen).
     */
    static int freePort() throws IOException {
        for (int i = 0; i < 100; i++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (GIVEN.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            }
        }
        throw new IOException("no free loopback port that was not handed out before");
    }
}
