package io.diffyne.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

    /** jboss-cli's connection timeout, which is also how long its {@code reload} waits for the server to return. */
    private static final Duration CLI_CONNECT = Duration.ofSeconds(90);

    private final Process script;
    private final Path log;
    private final Path deployments;
    private final int port;
    private final int managementPort;
    private final String deployment;

    private WildFlyProcess(Process script, Path log, Path deployments, int port, int managementPort,
                           String deployment) {
        this.deployment = deployment;
        this.script = script;
        this.log = log;
        this.deployments = deployments;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** Starts WildFly with the built WAR deployed; {@code systemProperties} are {@code -Dname=value} arguments. */
    static WildFlyProcess start(String name, List<String> systemProperties) throws IOException {
        return start(name, "standalone.xml", systemProperties);
    }

    /**
     * The same on another of the distribution's configurations ({@code -c}), e.g. {@code standalone-microprofile.xml},
     * the one with MicroProfile Health.
     */
    static WildFlyProcess start(String name, String configuration, List<String> systemProperties) throws IOException {
        return start(name, configuration, systemProperties, ServerFolders.required("diffyne.war", false), DEPLOYMENT);
    }

    /** As {@link #start(String, List)}, with {@code war} deployed as {@code deployment} (its name is the context). */
    static WildFlyProcess start(String name, List<String> systemProperties, Path war, String deployment)
            throws IOException {
        return start(name, "standalone.xml", systemProperties, war, deployment);
    }

    /**
     * As {@link #start(String, String, List)}, the configuration file's text changed by {@code edit} first (in this
     * start's own copy), e.g. to take a default binding away.
     */
    static WildFlyProcess start(String name, String configuration, List<String> systemProperties,
            java.util.function.UnaryOperator<String> edit) throws IOException {
        return start(name, configuration, systemProperties, ServerFolders.required("diffyne.war", false), DEPLOYMENT,
                edit);
    }

    private static WildFlyProcess start(String name, String configuration, List<String> systemProperties, Path war,
            String deployment) throws IOException {
        return start(name, configuration, systemProperties, war, deployment, java.util.function.UnaryOperator.identity());
    }

    private static WildFlyProcess start(String name, String configuration, List<String> systemProperties, Path war,
            String deployment, java.util.function.UnaryOperator<String> edit) throws IOException {
        Path home = ServerFolders.required("wildfly.home", true);
        Path logs = Path.of(System.getProperty("diffyne.it.logs", "target/it-logs"));
        Files.createDirectories(logs);
        Path log = logs.resolve(name + ".log");

        Path base = logs.resolveSibling("it-wildfly").resolve(name);
        ServerFolders.deleteTree(base);
        ServerFolders.copyTree(home.resolve("standalone").resolve("configuration"), base.resolve("configuration"));
        Path config = base.resolve("configuration").resolve(configuration);
        Files.writeString(config, edit.apply(Files.readString(config, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        Path deployments = Files.createDirectories(base.resolve("deployments"));
        Files.copy(war, deployments.resolve(deployment), StandardCopyOption.COPY_ATTRIBUTES);

        int http = PayaraMicroProcess.freePort();
        int management = PayaraMicroProcess.freePort();
        List<String> command = new ArrayList<>();
        // through sh: the unpacked script need not have kept its executable bit
        command.add("/bin/sh");
        command.add(home.resolve("bin").resolve("standalone.sh").toString());
        command.addAll(List.of("-c", configuration, "-Djboss.server.base.dir=" + base.toAbsolutePath(),
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
        return new WildFlyProcess(builder.start(), log, deployments, http, management, deployment);
    }

    int port() {
        return port;
    }

    int managementPort() {
        return managementPort;
    }

    /** The management interface, {@code http://127.0.0.1:<management port>/}, where WildFly serves its health. */
    URI management() {
        return URI.create("http://127.0.0.1:" + managementPort + "/");
    }

    /** The application's base URL, {@code http://127.0.0.1:<port>/<deployment less .war>/}. */
    URI base() {
        return URI.create("http://127.0.0.1:" + port + "/" + deployment.substring(0, deployment.length() - 4) + "/");
    }

    /** The server's log folder ({@code jboss.server.log.dir}: {@code <server base>/log}). */
    Path logDir() {
        return deployments.resolveSibling("log");
    }

    /**
     * Runs {@code bin/jboss-cli.sh --connect --file=script} against this server's management interface (local
     * authentication, as on the server's own machine), at most {@code timeout}; returns its output, or fails with it
     * when the CLI does not exit 0 in time. The CLI is a process of its own, stopped by its PID on a timeout. Its
     * connection timeout is {@link #CLI_CONNECT}: a script's {@code reload} waits that plus one second for the server
     * to come back (jboss-cli's {@code ReloadHandler}), and the default 5 s is less than a reload takes on a loaded
     * machine.
     */
    String cli(Path script, Duration timeout) throws IOException, InterruptedException {
        Path home = ServerFolders.required("wildfly.home", true);
        Path out = log.resolveSibling(log.getFileName() + ".cli.log");
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", home.resolve("bin").resolve("jboss-cli.sh").toString(),
                "--connect", "--controller=127.0.0.1:" + managementPort, "--timeout=" + CLI_CONNECT.toMillis(),
                "--file=" + script.toAbsolutePath())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("JAVA_OPTS");
        Process cli = builder.start();
        boolean exited = cli.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!exited) {
            cli.destroyForcibly();
            cli.waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        if (!exited || cli.exitValue() != 0) {
            throw new AssertionError("jboss-cli --file=" + script + (exited ? " exited " + cli.exitValue()
                    : " did not finish within " + timeout) + ":\n" + output);
        }
        return output;
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
        Path deployed = deployments.resolve(deployment + ".deployed");
        Path failed = deployments.resolve(deployment + ".failed");
        while (!Files.exists(deployed)) {
            if (Files.exists(failed) || !script.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError(deployment + (Files.exists(failed) ? " failed to deploy"
                        : script.isAlive() ? " was not deployed within " + timeout : ": WildFly exited")
                        + ":\n" + output());
            }
            Thread.sleep(250);
        }
        HealthProbe.awaitOk(base().resolve("_diffyne/health"), deadline, () -> !script.isAlive(), this::output);
    }

    /**
     * Stops the server JVM (SIGTERM: WildFly shuts down gracefully; SIGKILL after 30 s), then the script. Only the
     * descendants of the script this object started are touched.
     */
    @Override
    public void close() throws InterruptedException {
        OwnProcesses.stop(script);
    }
}
