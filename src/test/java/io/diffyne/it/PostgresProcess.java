package io.diffyne.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A private PostgreSQL server for one test: a fresh cluster ({@code initdb}) in a temp folder, listening on
 * 127.0.0.1 only, on a free port, its Unix socket in that folder, password authentication (SCRAM) for the one user
 * {@code diffyne} and one database {@code diffyne}. The binaries are Debian's ({@code /usr/lib/postgresql/<version>/bin},
 * the newest version there; {@code apt-get install postgresql}); PostgreSQL refuses to run as root, so as root
 * (as CI runs) the server runs as the {@code postgres} user the package creates, in a folder it owns. {@link #close()}
 * stops exactly this server, by the PID in its {@code postmaster.pid}, and deletes the folder.
 */
final class PostgresProcess implements AutoCloseable {

    static final String USER = "diffyne";
    static final String DATABASE = "diffyne";
    private static final Path DEBIAN = Path.of("/usr/lib/postgresql");

    private final Path folder;
    private final Process server;
    private final int port;
    private final String password;

    private PostgresProcess(Path folder, Process server, int port, String password) {
        this.folder = folder;
        this.server = server;
        this.port = port;
        this.password = password;
    }

    /** The folder holding {@code initdb} and {@code postgres}, when PostgreSQL's server is installed. */
    static Optional<Path> binaries() {
        if (!Files.isDirectory(DEBIAN)) {
            return Optional.empty();
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> versions = Files.newDirectoryStream(DEBIAN)) {
            for (Path version : versions) {
                Path bin = version.resolve("bin");
                if (Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("postgres"))) {
                    found.add(bin);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return found.stream().max(Comparator.comparing(PostgresProcess::major));
    }

    private static int major(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Creates, starts and waits for the server (at most {@code timeout}); the log goes to {@code <it-logs>/<name>.log}. */
    static PostgresProcess start(String name, Path bin, Duration timeout) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path folder = Files.createTempDirectory("diffyne-pg-");
        Path data = folder.resolve("data");
        Path passwordFile = folder.resolve("password");
        String password = UUID.randomUUID().toString();
        Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
        if (root) {
            run(List.of("chown", "-R", "postgres:postgres", folder.toString()), folder, Duration.ofSeconds(30));
        }
        Path logs = Files.createDirectories(Path.of(System.getProperty("diffyne.it.logs", "target/it-logs")));
        run(asServerUser(root, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
                "--pwfile=" + passwordFile, "--auth-host=scram-sha-256", "--auth-local=peer", "-E", "UTF8",
                "--no-locale", "--no-sync")), folder, Duration.ofSeconds(120));
        int port = PayaraMicroProcess.freePort();
        Process server = new ProcessBuilder(asServerUser(root, List.of(bin.resolve("postgres").toString(),
                "-D", data.toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-k", folder.toString(),
                "-c", "fsync=off", "-c", "max_connections=100")))
                .redirectErrorStream(true).redirectOutput(logs.resolve(name + ".log").toFile()).start();
        PostgresProcess postgres = new PostgresProcess(folder, server, port, password);
        try {
            postgres.awaitAccepting(timeout);
            postgres.execute("CREATE DATABASE " + DATABASE, "postgres");
            return postgres;
        } catch (RuntimeException | InterruptedException | Error e) {
            postgres.close();
            throw e;
        }
    }

    private static List<String> asServerUser(boolean root, List<String> command) {
        if (!root) {
            return command;
        }
        List<String> as = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        as.addAll(command);
        return as;
    }

    private static void run(List<String> command, Path folder, Duration timeout) throws IOException, InterruptedException {
        Path out = Files.createTempFile("diffyne-pg-cmd", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                OwnProcesses.stop(process);
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue() + ":\n"
                        + Files.readString(out, StandardCharsets.UTF_8));
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private void awaitAccepting(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline && server.isAlive()) {
            try (Connection ignored = connect("postgres")) {
                return;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("PostgreSQL on 127.0.0.1:" + port + (server.isAlive()
                ? " accepted no connection within " + timeout : " exited " + server.exitValue()) + ": " + last);
    }

    /** A connection as {@link #USER} to {@code database} over TCP on loopback, with the password. */
    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, USER, password);
    }

    private void execute(String sql, String database) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e, e);
        }
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/diffyne}. */
    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    String password() {
        return password;
    }

    /** The server's PID, from its {@code postmaster.pid} (the first line). */
    private Optional<ProcessHandle> postmaster() {
        try {
            String pid = Files.readAllLines(folder.resolve("data").resolve("postmaster.pid")).get(0).strip();
            return ProcessHandle.of(Long.parseLong(pid));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Fast shutdown (SIGINT to the server's PID: open sessions are ended), SIGKILL after 30 s to what this start
     * created, then the folder is deleted.
     */
    @Override
    public void close() throws InterruptedException, IOException {
        Optional<ProcessHandle> postmaster = postmaster();
        if (postmaster.isPresent() && postmaster.get().isAlive()) {
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster.get().pid())).inheritIO().start()
                    .waitFor(10, TimeUnit.SECONDS);
            try {
                postmaster.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                postmaster.get().destroyForcibly();
            }
        }
        OwnProcesses.stop(server);
        ServerFolders.deleteTree(folder);
    }
}
