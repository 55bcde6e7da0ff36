package io.diffyne.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Payara Server domain started by a test, with the built WAR deployed unchanged by {@code asadmin deploy
 * --contextroot diffyne}. The distribution is the one the build unpacked from Maven Central (system property
 * {@code payara.server.home}, set by failsafe); each start copies the distribution's {@code domain1} into a fresh
 * {@code target/it-payara-server/<name>} (faster than {@code create-domain}, which generates keys) and confines it to
 * loopback before its first start ({@link PayaraServerDomain}), with the README's logging snippet
 * ({@code docker/payara-server-logging.properties}) appended to its {@code config/logging.properties} as an operator
 * would append it. {@code asadmin start-domain} starts the server JVM
 * and returns once it is up; the JVM writes its PID to the domain's {@code config/pid}. {@link #close()} runs
 * {@code asadmin stop-domain} and then kills that PID if it still runs, and only if it is this domain's server.
 */
final class PayaraServerProcess implements AutoCloseable {

    static final String DOMAIN = "domain1";

    /** The application's name and context root. */
    static final String APPLICATION = "diffyne";

    /** The logging snippet the README shows, appended to the domain's {@code config/logging.properties}. */
    static final Path LOGGING_SNIPPET = Path.of(System.getProperty("basedir", "."), "docker",
            "payara-server-logging.properties");

    private static final Duration ASADMIN_TIMEOUT = Duration.ofSeconds(240);

    private final Path home;
    private final Path domainDir;
    private final Path asadminLog;
    private final PayaraServerDomain.Ports ports;
    private long pid = -1;

    private PayaraServerProcess(Path home, Path domainDir, Path asadminLog, PayaraServerDomain.Ports ports) {
        this.home = home;
        this.domainDir = domainDir;
        this.asadminLog = asadminLog;
        this.ports = ports;
    }

    /**
     * Creates the domain, starts it and deploys the built WAR; {@code jvmOptions} ({@code -Dname=value}) are added to
     * the server's JVM options. On failure the domain is stopped again before the error is thrown.
     */
    static PayaraServerProcess start(String name, List<String> jvmOptions) throws IOException, InterruptedException {
        Path home = ServerFolders.required("payara.server.home", true);
        Path war = ServerFolders.required("diffyne.war", false);
        Path logs = Path.of(System.getProperty("diffyne.it.logs", "target/it-logs"));
        Files.createDirectories(logs);
        Path domainDir = logs.resolveSibling("it-payara-server").resolve(name).toAbsolutePath();
        ServerFolders.deleteTree(domainDir);
        ServerFolders.copyTree(home.resolve("glassfish").resolve("domains").resolve(DOMAIN), domainDir.resolve(DOMAIN));
        PayaraServerDomain.Ports ports = PayaraServerDomain.Ports.free();
        Path config = domainDir.resolve(DOMAIN).resolve("config");
        PayaraServerDomain.confine(config.resolve("domain.xml"), ports, jvmOptions);
        // cat docker/payara-server-logging.properties >> config/logging.properties
        Path logging = config.resolve("logging.properties");
        if (!Files.readString(logging, StandardCharsets.ISO_8859_1).endsWith("\n")) {
            throw new IllegalStateException(logging + " does not end in a newline: appending would join two lines");
        }
        Files.write(logging, Files.readAllBytes(LOGGING_SNIPPET), java.nio.file.StandardOpenOption.APPEND);

        Path asadminLog = logs.resolve(name + "-asadmin.log");
        Files.deleteIfExists(asadminLog);
        PayaraServerProcess server = new PayaraServerProcess(home, domainDir, asadminLog, ports);
        try {
            server.asadmin("start-domain", "--domaindir", domainDir.toString(), DOMAIN);
            server.pid = server.pidFromFile().orElseThrow(() -> new AssertionError("start-domain wrote no PID to "
                    + server.pidFile() + ":\n" + server.asadminOutput()));
            server.asadmin("--host", PayaraServerDomain.LOOPBACK, "--port", Integer.toString(ports.admin()),
                    "deploy", "--contextroot", APPLICATION, "--name", APPLICATION, war.toAbsolutePath().toString());
            return server;
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            server.close();
            throw e;
        }
    }

    int port() {
        return ports.http();
    }

    /** The application's base URL, {@code http://127.0.0.1:<port>/diffyne/}. */
    URI base() {
        return URI.create("http://127.0.0.1:" + ports.http() + "/" + APPLICATION + "/");
    }

    /** The server JVM's PID, as it wrote it to the domain's {@code config/pid}. */
    long serverPid() {
        return pid;
    }

    /** Where the server expanded the deployed WAR. */
    Path deployedApplication() {
        return domainDir.resolve(DOMAIN).resolve("applications").resolve(APPLICATION);
    }

    /** The server's log, {@code logs/server.log} of the domain, so far. */
    String output() {
        return read(logDir().resolve("server.log"));
    }

    /** The domain's {@code logs} folder: {@code server.log}, the logging snippet's {@code diffyne-websocket.N.log}. */
    Path logDir() {
        return domainDir.resolve(DOMAIN).resolve("logs");
    }

    /** Waits until {@code _diffyne/health} answers 200, at most {@code timeout}; fails with the server's log otherwise. */
    void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI health = base().resolve("_diffyne/health");
        Instant deadline = Instant.now().plus(timeout);
        int status = -1;
        while (Instant.now().isBefore(deadline) && alive()) {
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
        throw new AssertionError(health + " did not answer 200 within " + timeout + " (last status " + status
                + (alive() ? "" : ", server exited") + "):\n" + output());
    }

    /**
     * {@code asadmin stop-domain}; then, if the server JVM still runs 30 s later (or stop-domain failed), SIGTERM
     * and SIGKILL to exactly that PID, once it is confirmed to be this domain's server.
     */
    @Override
    public void close() throws InterruptedException {
        try {
            asadmin("stop-domain", "--domaindir", domainDir.toString(), DOMAIN);
        } catch (IOException | AssertionError stopFailed) {
            // the fallback below
        }
        if (pid < 0) {
            pid = pidFromFile().orElse(-1L);
        }
        Optional<ProcessHandle> server = ProcessHandle.of(pid).filter(this::isThisDomainsServer);
        if (server.isEmpty()) {
            return;
        }
        ProcessHandle process = server.get();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException stillRunning) {
            process.destroy();
            try {
                process.onExit().get(20, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                process.destroyForcibly();
            }
        }
    }

    private boolean alive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private boolean isThisDomainsServer(ProcessHandle process) {
        return process.info().arguments().map(arguments -> String.join(" ", arguments).contains(domainDir.toString()))
                .orElse(process.info().commandLine().map(line -> line.contains(domainDir.toString())).orElse(false));
    }

    private Path pidFile() {
        return domainDir.resolve(DOMAIN).resolve("config").resolve("pid");
    }

    private Optional<Long> pidFromFile() {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile()).trim()));
        } catch (IOException | NumberFormatException none) {
            return Optional.empty();
        }
    }

    /** Runs {@code bin/asadmin} with these arguments on the JDK running the tests; fails unless it exits 0. */
    private void asadmin(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        // through sh: the unpacked script need not have kept its executable bit
        command.add("/bin/sh");
        command.add(home.resolve("bin").resolve("asadmin").toString());
        command.add("--interactive=false");
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(asadminLog.toFile()));
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        builder.environment().remove("AS_EXTRA_JAVA_OPTS");
        Files.writeString(asadminLog, "$ asadmin " + String.join(" ", arguments) + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        Process asadmin = builder.start();
        if (!asadmin.waitFor(ASADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            asadmin.destroyForcibly();
            asadmin.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("asadmin " + arguments[arguments.length - 2] + " did not end within "
                    + ASADMIN_TIMEOUT + ":\n" + asadminOutput());
        }
        if (asadmin.exitValue() != 0) {
            throw new AssertionError("asadmin " + String.join(" ", arguments) + " exited with " + asadmin.exitValue()
                    + ":\n" + asadminOutput() + "\nserver log:\n" + output());
        }
    }

    private String asadminOutput() {
        return read(asadminLog);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
