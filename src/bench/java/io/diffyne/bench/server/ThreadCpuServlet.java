package io.diffyne.bench.server;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /bench/threads}: the server process's CPU time so far per kind of thread, in clock ticks, from Linux's
 * {@code /proc/self/task/<tid>/stat} (every native thread, the collector's and the compilers' too, which the JVM's
 * thread bean does not list), threads grouped by their name with digits removed ({@code "http-thread-pool::http-listener(#)"}
 * ), as {@code {"ticks_per_second":100,"groups":{"name":ticks,…}}}; {@code {}} where there is no {@code /proc}.
 * The benchmark's {@code variants} phase takes it before and after each block to say which threads an exchange
 * keeps busy.
 */
@WebServlet("/bench/threads")
public class ThreadCpuServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Long> groups = new TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (Files.isDirectory(tasks)) {
            try (DirectoryStream<Path> all = Files.newDirectoryStream(tasks)) {
                for (Path task : all) {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        // "tid (comm) state ... utime stime": comm may hold spaces and parentheses, so split after the last ')'
                        int close = stat.lastIndexOf(')');
                        String name = stat.substring(stat.indexOf('(') + 1, close).replaceAll("[0-9]+", "#");
                        String[] fields = stat.substring(close + 2).split(" ");
                        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        groups.merge(name, ticks, Long::sum);
                    } catch (IOException | RuntimeException ended) {
                        // the thread ended while it was read
                    }
                }
            }
        }
        StringBuilder json = new StringBuilder("{\"ticks_per_second\":100,\"groups\":{");
        String comma = "";
        for (Map.Entry<String, Long> g : groups.entrySet()) {
            json.append(comma).append('"').append(g.getKey().replace("\\", "\\\\").replace("\"", "\\\"")).append("\":")
                    .append(g.getValue());
            comma = ",";
        }
        response.setContentType("application/json");
        response.getOutputStream().write(json.append("}}").toString().getBytes(StandardCharsets.UTF_8));
    }
}
