package io.diffyne.bench.server;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * {@code GET /bench/jit}: the time the JIT compilers have spent so far, as {@code {"compile_ms":1234,"cpu_ns":…}} (-1
 * when the JVM does not say), so the load generator can warm up until the server's compilers are quiet before it
 * measures; {@code compiler_cpu_ms} is the CPU the compiler threads have used so far, which grows while a compilation
 * runs, where {@code compile_ms} grows only when one ends ({@link CompilerThreads}; -1 where Linux's {@code /proc} is
 * missing); {@code cpu_ns} is the server process's CPU time so far (every thread), for CPU per exchange.
 */
@WebServlet("/bench/jit")
public class JitServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long ms = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
        response.setContentType("application/json");
        long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
        response.getOutputStream().write(("{\"compile_ms\":" + ms + ",\"compiler_cpu_ms\":" + CompilerThreads.cpuMillis()
                + ",\"cpu_ns\":" + cpu + "}")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
