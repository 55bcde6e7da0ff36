package io.diffyne.bench.load;

import jakarta.json.JsonNumber;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time used by both processes between two readings: the server's whole process ({@code GET /bench/jit}) and by
 * kind of thread ({@code GET /bench/threads}, Linux clock ticks of 10 ms), and this load generator's process. The
 * readings' own requests are counted too; they are two small GETs per reading.
 */
final class CpuMeter {

    private static final com.sun.management.OperatingSystemMXBean CLIENT =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final HttpClient http;
    private final String base;

    CpuMeter(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    /** One reading of both processes. */
    Reading read() {
        long wall = System.currentTimeMillis();
        long client = CLIENT.getProcessCpuTime();
        long server = ClientSnapshot.parse(Wire.get(http, base + "/bench/jit")).getJsonNumber("cpu_ns").longValue();
        Map<String, Long> threads = new TreeMap<>();
        ClientSnapshot.parse(Wire.get(http, base + "/bench/threads")).getJsonObject("groups")
                .forEach((name, ticks) -> threads.put(name, ((JsonNumber) ticks).longValue()));
        return new Reading(wall, server, threads, client);
    }

    /**
     * CPU so far: when it was taken (wall clock, ms), the server's process (ns), its threads by kind (clock ticks),
     * the client's process (ns).
     */
    record Reading(long wallMillis, long serverNanos, Map<String, Long> serverTicks, long clientNanos) {

        /** This reading moved on by what {@code used} says was used (its time stays this one's). */
        Reading plus(Reading used) {
            Map<String, Long> ticks = new TreeMap<>(serverTicks);
            used.serverTicks.forEach((name, t) -> ticks.merge(name, t, Long::sum));
            return new Reading(wallMillis, serverNanos + used.serverNanos, ticks, clientNanos + used.clientNanos);
        }

        /** What was used from {@code before} to this reading, as a reading of its own (of what was used). */
        Reading minus(Reading before) {
            Map<String, Long> ticks = new TreeMap<>();
            serverTicks.forEach((name, t) -> ticks.put(name, t - before.serverTicks.getOrDefault(name, 0L)));
            return new Reading(wallMillis - before.wallMillis, serverNanos - before.serverNanos, ticks,
                    clientNanos - before.clientNanos);
        }

        /** What was used from {@code before} to this reading, per operation: µs, rounded to 0.1. */
        Map<String, Object> perOperation(Reading before, long operations) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("server_cpu_us_per_op", micros(serverNanos - before.serverNanos, operations));
            out.put("client_cpu_us_per_op", micros(clientNanos - before.clientNanos, operations));
            Map<String, Long> grown = new TreeMap<>();
            serverTicks.forEach((name, ticks) -> grown.put(name, ticks - before.serverTicks.getOrDefault(name, 0L)));
            Map<String, Object> kinds = new LinkedHashMap<>();
            grown.entrySet().stream().filter(t -> t.getValue() > 0)
                    .sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).limit(10)
                    .forEach(t -> kinds.put(t.getKey(), micros(t.getValue() * 10_000_000L, operations)));
            out.put("server_threads_us_per_op", kinds);
            return out;
        }

        private static double micros(long nanos, long operations) {
            return operations == 0 ? 0 : Math.round(nanos / 1e3 / operations * 10) / 10.0;
        }
    }
}
