package io.diffyne.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Tomcat started by a test, set up as an operator would: a fresh {@code CATALINA_BASE} under
 * {@code target/it-tomcat/<name>} (the distribution's {@code conf/} copied, with two edits to {@code server.xml}: the
 * shutdown port disabled and the HTTP connector on 127.0.0.1 at a free port; the distribution has no AJP connector),
 * {@code docker/tomcat-logging.properties} appended to {@code conf/logging.properties} as the README says, the
 * settings as system properties in {@code bin/setenv.sh}, and the Tomcat flavour of the WAR copied unchanged to
 * {@code webapps/diffyne.war}, so it is served under {@code /diffyne}. The distribution is the one the build unpacked
 * from Maven Central (system property {@code tomcat.home}). {@code catalina.sh run} execs the JVM in the process this
 * object started, so {@link #close()} stops exactly that (and anything it started), by PID.
 */
final class TomcatProcess implements AutoCloseable {

    /** The name the WAR is deployed under, hence the context root. */
    static final String DEPLOYMENT = "diffyne.war";
    /** The logging snippet the README shows, appended to the server's {@code conf/logging.properties}. */
    static final Path LOGGING_SNIPPET = Path.of(System.getProperty("basedir", "."), "docker",
            "tomcat-logging.properties");

    private final Process process;
    private final Path output;
    private final Path base;
    private final int port;

    private TomcatProcess(Process process, Path output, Path base, int port) {
        this.process = process;
        this.output = output;
        this.base = base;
        this.port = port;
    }

    /** Starts Tomcat with the flavour WAR deployed; {@code settings} become {@code -Dname=value} in setenv.sh. */
    static TomcatProcess start(String name, Map<String, String> settings) throws IOException {
        Path home = ServerFolders.required("tomcat.home", true);
        Path war = ServerFolders.required("diffyne.tomcatWar", false);
        Path logs = Path.of(System.getProperty("diffyne.it.logs", "target/it-logs"));
        Files.createDirectories(logs);
        Path output = logs.resolve(name + ".log");

        Path base = logs.resolveSibling("it-tomcat").resolve(name).toAbsolutePath();
        ServerFolders.deleteTree(base);
        ServerFolders.copyTree(home.resolve("conf"), base.resolve("conf"));
        for (String folder : List.of("bin", "logs", "temp", "webapps", "work")) {
            Files.createDirectories(base.resolve(folder));
        }
        int port = PayaraMicroProcess.freePort();
        Path serverXml = base.resolve("conf").resolve("server.xml");
        String server = Files.readString(serverXml, StandardCharsets.UTF_8);
        server = replaceOnce(server, "<Server port=\"8005\"", "<Server port=\"-1\"");
        server = replaceOnce(server, "<Connector port=\"8080\" protocol=\"HTTP/1.1\"",
                "<Connector port=\"" + port + "\" address=\"127.0.0.1\" protocol=\"HTTP/1.1\"");
        Files.writeString(serverXml, server, StandardCharsets.UTF_8);
        Files.write(base.resolve("conf").resolve("logging.properties"), Files.readAllBytes(LOGGING_SNIPPET),
                StandardOpenOption.APPEND);
        StringBuilder options = new StringBuilder("CATALINA_OPTS=\"$CATALINA_OPTS");
        settings.forEach((key, value) -> options.append(" -D").append(key).append('=').append(value));
        Files.writeString(base.resolve("bin").resolve("setenv.sh"), options.append("\"\n"), StandardCharsets.UTF_8);
        Files.copy(war, base.resolve("webapps").resolve(DEPLOYMENT), StandardCopyOption.COPY_ATTRIBUTES);

        // through sh: the unpacked script need not have kept its executable bit
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", home.resolve("bin").resolve("catalina.sh").toString(),
                "run").redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("CATALINA_HOME", home.toAbsolutePath().toString());
        builder.environment().put("CATALINA_BASE", base.toString());
        // the JDK running the tests; no options from the environment the tests run in
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("JRE_HOME");
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("CATALINA_OPTS");
        return new TomcatProcess(builder.start(), output, base, port);
    }

    private static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new IllegalStateException("conf/server.xml of this distribution has not exactly one " + from);
        }
        return text.replace(from, to);
    }

    int port() {
        return port;
    }

    /** The application's base URL, {@code http://127.0.0.1:<port>/diffyne/}. */
    URI base() {
        return URI.create("http://127.0.0.1:" + port + "/diffyne/");
    }

    /** The server's {@code CATALINA_BASE}. */
    Path catalinaBase() {
        return base;
    }

    /** The deployed WAR, {@code webapps/diffyne.war}. */
    Path deployedWar() {
        return base.resolve("webapps").resolve(DEPLOYMENT);
    }

    /** The server JVM's PID: {@code catalina.sh run} execs it in place of the shell. */
    long serverPid() {
        return process.toHandle().children().findFirst().map(ProcessHandle::pid).orElse(process.pid());
    }

    /** What the server printed to its console (stdout and stderr). */
    String output() {
        return read(output);
    }

    /** The files in the server's {@code logs/} whose names start with {@code prefix}, concatenated. */
    String logFiles(String prefix) {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(base.resolve("logs"))) {
            files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted()
                    .forEach(f -> text.append(read(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The console and every file in {@code logs/}. */
    String allLogs() {
        return output() + logFiles("");
    }

    /** Whether the server JVM still runs. */
    boolean alive() {
        return process.isAlive();
    }

    /**
     * Waits for {@code _diffyne/health} to answer 200, at most {@code timeout}; fails with the server's logs when
     * Tomcat exits, reports the context failed to start, or time runs out.
     */
    void awaitDeployed(Duration timeout) throws InterruptedException {
        HealthProbe.awaitOk(base().resolve("_diffyne/health"), Instant.now().plus(timeout),
                () -> !process.isAlive() || allLogs().contains("Context [/diffyne] startup failed"), this::allLogs);
    }

    /** Whether the folder Tomcat unpacks the WAR into ({@code unpackWARs}), {@code webapps/diffyne}, exists. */
    boolean unpacked() {
        return Files.isDirectory(base.resolve("webapps").resolve("diffyne"));
    }

    /** Removes {@code webapps/diffyne.war}: Tomcat's host (autoDeploy) then undeploys the application. */
    void removeWar() throws IOException {
        Files.delete(deployedWar());
    }

    /** SIGTERM (Tomcat stops its applications and exits), SIGKILL after 30 s. */
    @Override
    public void close() throws InterruptedException {
        OwnProcesses.stop(process);
    }

    /** The names of the server JVM's threads, as Linux shows them (at most 15 characters). */
    List<String> threadNames() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(serverPid()), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    names.add(Files.readString(task.resolve("comm")).strip());
                } catch (IOException endedMeanwhile) {
                    // a thread that ended while listing
                }
            }
        }
        return names;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
