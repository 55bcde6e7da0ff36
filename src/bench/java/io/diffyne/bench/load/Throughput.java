package io.diffyne.bench.load;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Figure 2: {@code n} concurrent clients, each with its own page session (own HTTP client, own WebSocket), clicking as
 * fast as their answers come back; completed, verified actions per second during the measured window, after a
 * warm-up window. The echo baselines run the same way with the same-size message.
 */
final class Throughput {

    private static final int MAX_OPS_PER_CLIENT = 500_000;
    private static final int MAX_SAMPLES = 100_000;

    private final Target target;
    private final Duration warmup;
    private final Duration measure;
    private final CpuMeter meter;

    Throughput(Target target, Duration warmup, Duration measure) {
        this.target = target;
        this.meter = new CpuMeter(Wire.http(), target.base());
        this.warmup = warmup;
        this.measure = measure;
    }

    Map<String, Object> webSocket(int n) {
        List<LongSupplier> clicks = new ArrayList<>();
        List<ComponentClient> clients = new ArrayList<>();
        String request = null;
        for (int i = 0; i < n; i++) {
            ComponentClient c = ComponentClient.open(target.base(), Wire.http(), Counter.PAGE, target.diffyneSocket());
            Counter.click(c);
            request = Counter.click(c).request();
            clients.add(c);
            clicks.add(() -> Counter.click(c).nanos());
        }
        List<LongSupplier> echoes = new ArrayList<>();
        List<Socket> sockets = new ArrayList<>();
        String message = request;
        for (int i = 0; i < n; i++) {
            Socket s = Socket.open(Wire.http(), target.echoSocket());
            sockets.add(s);
            echoes.add(() -> {
                long start = System.nanoTime();
                s.send(message);
                Socket.Message m = s.next(20_000);
                BenchFailure.check(m.text().equals(message), "the echo changed the message");
                return m.at() - start;
            });
        }
        Map<String, Object> out = alternate(clicks, echoes);
        clients.forEach(ComponentClient::close);
        sockets.forEach(Socket::close);
        return out;
    }

    Map<String, Object> ajax(int n) {
        List<LongSupplier> clicks = new ArrayList<>();
        String request = null;
        for (int i = 0; i < n; i++) {
            ComponentClient c = ComponentClient.open(target.base(), Wire.http(), Counter.PAGE, null);
            request = Counter.click(c).request();
            clicks.add(() -> Counter.click(c).nanos());
        }
        List<LongSupplier> echoes = new ArrayList<>();
        List<LongSupplier> rest = new ArrayList<>();
        String body = request;
        for (int i = 0; i < n; i++) {
            HttpClient http = Wire.http();
            echoes.add(() -> Wire.echo(http, target.echoHttp(), body));
            rest.add(() -> Wire.echo(http, target.echoRest(), body));
        }
        // the same echo as a Jakarta REST resource, in turn with the others: the floor of Jersey's pipeline
        return alternate(clicks, echoes, rest);
    }

    /**
     * Diffyne and echo take turns (D, E, D, E; each half the measured window after its own warm-up), so a change in
     * background load on a shared machine hits both sides of the ratio alike.
     */
    private Map<String, Object> alternate(List<LongSupplier> diffyne, List<LongSupplier> echo) {
        return alternate(diffyne, echo, null);
    }

    /** As above, with a second baseline's windows after each echo window ({@code jaxrs_echo}) when not null. */
    private Map<String, Object> alternate(List<LongSupplier> diffyne, List<LongSupplier> echo,
                                          List<LongSupplier> jaxrs) {
        Duration half = measure.dividedBy(2);
        Window d1 = run(diffyne, half);
        Window e1 = run(echo, half);
        Window j1 = jaxrs == null ? null : run(jaxrs, half);
        Window d2 = run(diffyne, half);
        Window e2 = run(echo, half);
        Window j2 = jaxrs == null ? null : run(jaxrs, half);
        Map<String, Object> d = d1.plus(d2).figures(measure);
        Map<String, Object> out = compare(d, e1.plus(e2).figures(measure));
        if (jaxrs != null) {
            Map<String, Object> j = j1.plus(j2).figures(measure);
            out.put("jaxrs_echo", j);
            out.put("ratio_to_jaxrs_echo", compare(d, j).get("ratio"));
        }
        return out;
    }

    /** Completed actions and their round trips in one measured window. */
    record Window(long ops, long[] nanos, List<CpuMeter.Reading[]> cpu) {
        Window plus(Window other) {
            long[] all = java.util.Arrays.copyOf(nanos, nanos.length + other.nanos.length);
            System.arraycopy(other.nanos, 0, all, nanos.length, other.nanos.length);
            List<CpuMeter.Reading[]> readings = new ArrayList<>(cpu);
            readings.addAll(other.cpu);
            return new Window(ops + other.ops, all, readings);
        }

        Map<String, Object> figures(Duration measured) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ops_per_s", Math.round(ops / (measured.toNanos() / 1e9)));
            out.put("latency", Stats.micros(nanos));
            // CPU per completed action in the measured windows, both processes (they share the machine's cores)
            out.putAll(cpuPerOperation());
            // the measured windows' wall-clock edges, to read a recording of this side alone (JfrPhase)
            out.put("measured_windows_ms", cpu.stream().map(r -> List.of(r[0].wallMillis(), r[1].wallMillis()))
                    .toList());
            return out;
        }

        /** The windows' CPU readings summed: each window's from and to, per operation of all windows. */
        private Map<String, Object> cpuPerOperation() {
            CpuMeter.Reading from = cpu.get(0)[0];
            CpuMeter.Reading to = cpu.get(0)[1];
            for (CpuMeter.Reading[] next : cpu.subList(1, cpu.size())) {
                to = to.plus(next[1].minus(next[0]));
            }
            return to.perOperation(from, ops);
        }
    }

    /** Runs every client on its own thread through warm-up and measured windows; counts actions ending in the latter. */
    Window run(List<LongSupplier> clients, Duration window) {
        long start = System.nanoTime() + 50_000_000L;
        long from = start + warmup.toNanos();
        long to = from + window.toNanos();
        long[] counts = new long[clients.size()];
        List<long[]> samples = new ArrayList<>();
        int[] sampleCounts = new int[clients.size()];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(clients.size());
        for (int i = 0; i < clients.size(); i++) {
            int index = i;
            long[] mine = new long[MAX_SAMPLES];
            samples.add(mine);
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() < start) {
                        Thread.onSpinWait();
                    }
                    for (int op = 0; op < MAX_OPS_PER_CLIENT && failure.get() == null; op++) {
                        long nanos = clients.get(index).getAsLong();
                        long now = System.nanoTime();
                        if (now >= to) {
                            break;
                        }
                        if (now >= from) {
                            counts[index]++;
                            if (sampleCounts[index] < MAX_SAMPLES) {
                                mine[sampleCounts[index]++] = nanos;
                            }
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }, "client-" + i);
            t.setDaemon(true);
            t.start();
        }
        // both processes' CPU at the measured window's edges, read on this thread while the clients run
        CpuMeter.Reading[] cpu = {cpuAt(from), cpuAt(to)};
        try {
            BenchFailure.check(done.await(warmup.plus(window).toSeconds() + 60, java.util.concurrent.TimeUnit.SECONDS),
                    "clients did not finish");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted");
        }
        if (failure.get() != null) {
            throw failure.get() instanceof BenchFailure b ? b : new BenchFailure("a client failed: " + failure.get());
        }
        long total = 0;
        int sampled = 0;
        for (int i = 0; i < counts.length; i++) {
            total += counts[i];
            sampled += sampleCounts[i];
        }
        long[] all = new long[sampled];
        int at = 0;
        for (int i = 0; i < samples.size(); i++) {
            System.arraycopy(samples.get(i), 0, all, at, sampleCounts[i]);
            at += sampleCounts[i];
        }
        BenchFailure.check(sampled > 0, "no action completed in the measured window");
        return new Window(total, all, java.util.Collections.singletonList(cpu));
    }

    /** A CPU reading once {@code System.nanoTime()} has reached {@code at} (the window's edge, not a wait for work). */
    private CpuMeter.Reading cpuAt(long at) {
        for (long left = at - System.nanoTime(); left > 0; left = at - System.nanoTime()) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
        }
        return meter.read();
    }

    private static Map<String, Object> compare(Map<String, Object> diffyne, Map<String, Object> echo) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("diffyne", diffyne);
        out.put("echo", echo);
        out.put("ratio", Stats.ratio(((Number) diffyne.get("ops_per_s")).doubleValue(),
                ((Number) echo.get("ops_per_s")).doubleValue()));
        return out;
    }
}
