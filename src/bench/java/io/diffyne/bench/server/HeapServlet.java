package io.diffyne.bench.server;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * {@code GET /bench/heap}: the live heap, from the JVM's class histogram ({@code GC.class_histogram}, which collects
 * in full first), as {@code {"used":123,"classes":{"[B":[instances,bytes],…}}}. The histogram's total is what is
 * reachable, without the free space of partly used regions that the memory pool's "used" includes (which moved an
 * echo connection's figure between 6 and 29 KB from run to run), and its classes tell what each kilobyte is.
 */
@WebServlet("/bench/heap")
public class HeapServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** {@code   12:      4567     123456  java.lang.String (java.base@17)}: rank, instances, bytes, class name. */
    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String histogram;
        try {
            histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (JMException e) {
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "no class histogram: " + e);
            return;
        }
        StringBuilder classes = new StringBuilder();
        long total = -1;
        for (String line : histogram.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                if (classes.length() > 0) {
                    classes.append(',');
                }
                classes.append('"').append(row.group(3).replace("\\", "\\\\").replace("\"", "\\\"")).append("\":[")
                        .append(row.group(1)).append(',').append(row.group(2)).append(']');
                continue;
            }
            Matcher sum = TOTAL.matcher(line.trim());
            if (sum.find()) {
                total = Long.parseLong(sum.group(2));
            }
        }
        if (total < 0) {
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "the class histogram has no total");
            return;
        }
        response.setContentType("application/json");
        // bytes: a writer would leave its 16 KiB char buffer with the kept-alive connection, in the next reading
        response.getOutputStream().write(("{\"used\":" + total + ",\"classes\":{" + classes + "}}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
