package io.diffyne.bench.server;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/**
 * {@code GET /bench/heap}: the heap in use after full collections, as {@code {"used":123456789}}. Collects until two
 * readings in a row agree within 64 KiB (at most five times), so objects released by finalization or reference
 * processing in the first collection are gone too.
 */
@WebServlet("/bench/heap")
public class HeapServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long previous = Long.MAX_VALUE;
        long used = 0;
        for (int i = 0; i < 5; i++) {
            System.gc();
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            used = heap.getUsed();
            if (Math.abs(previous - used) < 64 * 1024) {
                break;
            }
            previous = used;
        }
        response.setContentType("application/json");
        response.getWriter().write("{\"used\":" + used + "}");
    }
}
