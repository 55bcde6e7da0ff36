package io.diffyne.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A WildFly standalone server started by a test, with the built WAR copied unchanged into its deployments folder
 * (so it is served under {@code /diffyne}, the WAR's name). The distribution is the one the build unpacked from Maven
 * Central (system property {@code wildfly.home}, set by failsafe); each start gets a fresh server base folder under
 * {@code target/it-wildfly/<name>} (configuration copied from the distribution, logs and deployments of its own), so
 * runs never share state. Every listener is bound to 127.0.0.1 on ports chosen free. {@link #close()} stops exactly
 * the processes this start created, by PID: the server JVM ({@code standalone.sh} does not stop it when killed)
 * and the script.
 */
final class WildFlyProcess implements AutoCloseable {

    /** The name the WAR is deployed under, hence the context root. */
    static final String DEPLOYMENT = "diffyne.war";

    private final Process script;
    private final Path log;
    private final Path deployments;
    private final int port;
    private final int managementPort;

    private WildFlyProcess(Process script, Path log, Path deployments, int port, int managementPort) {
        this.script = script;
        this.log = log;
        this.deployments = deployments;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** Starts WildFly with the built WAR deployed; {@code systemProperties} are {@code -Dname=value} arguments. */
    static WildFlyProcess start(String name, List<String> systemProperties) throws IOException {
        Path home = Path.of(required("wildfly.home", true));
        Path war = Path.of(required("diffyne.war", false));
        Path logs = Path.of(System.getProperty("diffyne.it.logs", "target/it-logs"));
        Files.createDirectories(logs);
        Path log = logs.resolve(name + ".log");

        Path base = logs.resolveSibling("it-wildfly").resolve(name);
        deleteTree(base);
        copyTree(home.resolve("standalone").resolve("configuration"), base.resolve("configuration"));
        Path deployments = Files.createDirectories(base.resolve("deployments"));
        Files.copy(war, deployments.resolve(DEPLOYMENT), StandardCopyOption.COPY_ATTRIBUTES);

        int http = PayaraMicroProcess.freePort();
        int management = PayaraMicroProcess.freePort();
        List<String> command = new ArrayList<>();
        // through sh: the unpacked script need not have kept its executable bit
        command.add("/bin/sh");
        command.add(home.resolve("bin").resolve("standalone.sh").toString());
        command.addAll(List.of("-Djboss.server.base.dir=" + base.toAbsolutePath(),
                "-Djboss.bind.address=127.0.0.1", "-Djboss.bind.address.management=127.0.0.1",
                "-Djboss.http.port=" + http, "-Djboss.https.port=" + PayaraMicroProcess.freePort(),
                "-Djboss.ajp.port=" + PayaraMicroProcess.freePort(),
                "-Djboss.management.http.port=" + management,
                "-Djboss.management.https.port=" + PayaraMicroProcess.freePort()));
        command.addAll(systemProperties);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // the JDK running the tests, the distribution's default JVM options (standalone.conf)
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("JAVA_OPTS");
        builder.environment().put("NOPAUSE", "true");
        return new WildFlyProcess(builder.start(), log, deployments, http, management);
    }

    int port() {
        return port;
    }

    int managementPort() {
        return managementPort;
    }

    /** The application's base URL, {@code http://127.0.0.1:<port>/diffyne/}. */
    URI base() {
        return URI.create("http://127.0.0.1:" + port + "/diffyne/");
    }

    /** The server JVM's PID (the script's only child), or the script's while it has not started it yet. */
    long serverPid() {
        return script.toHandle().children().findFirst().map(ProcessHandle::pid).orElse(script.pid());
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
     * Waits for the deployment scanner's verdict on the WAR ({@code diffyne.war.deployed} or {@code .failed}) and
     * then for {@code _diffyne/health} to answer 200, at most {@code timeout} in all; fails with the server's output
     * otherwise.
     */
    void awaitDeployed(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Path deployed = deployments.resolve(DEPLOYMENT + ".deployed");
        Path failed = deployments.resolve(DEPLOYMENT + ".failed");
        while (!Files.exists(deployed)) {
            if (Files.exists(failed) || !script.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError(DEPLOYMENT + (Files.exists(failed) ? " failed to deploy"
                        : script.isAlive() ? " was not deployed within " + timeout : ": WildFly exited")
                        + ":\n" + output());
            }
            Thread.sleep(250);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI health = base().resolve("_diffyne/health");
        int status = -1;
        while (Instant.now().isBefore(deadline) && script.isAlive()) {
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
        throw new AssertionError(health + " did not answer 200 within " + timeout + " (last status " + status + "):\n"
                + output());
    }

    /**
     * Stops the server JVM (SIGTERM: WildFly shuts down gracefully; SIGKILL after 30 s), then the script. Only the
     * descendants of the script this object started are touched.
     */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> started;
        try (Stream<ProcessHandle> descendants = script.toHandle().descendants()) {
            started = new ArrayList<>(descendants.toList());
        }
        started.add(script.toHandle());
        started.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (ProcessHandle process : started) {
            try {
                process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                process.destroyForcibly();
            }
        }
        script.waitFor(10, TimeUnit.SECONDS);
    }

    static String required(String property, boolean directory) {
        String value = System.getProperty(property);
        File file = value == null ? null : new File(value);
        if (file == null || (directory ? !file.isDirectory() : !file.isFile())) {
            throw new IllegalStateException("system property " + property + " must name an existing "
                    + (directory ? "folder" : "file") + " (set by failsafe in pom.xml), was " + value);
        }
        return value;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
