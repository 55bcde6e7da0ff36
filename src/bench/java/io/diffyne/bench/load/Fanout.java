package io.diffyne.bench.load;

import static io.diffyne.bench.load.Jsons.JSON;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Figure 5: {@code n} chat clients in one room, each its own page session whose chat component is registered with its
 * connection ({@code diffyne.resume}, as the client does for listening components). A separate sender posts messages
 * one at a time; for each, the time from sending until the last receiver holds a push carrying that message's unique
 * text (each push is checked), and every receiver's own delivery time. Given several targets (the nodes of a
 * cluster), receiver {@code i} connects to target {@code i mod n} and the sender to the first. Before the measured
 * messages each server collects its garbage in full ({@code GET /bench/heap}): the figure is a steady state's, not
 * that of the collections that opening a thousand connections makes due.
 */
final class Fanout {

    private static final int CLIENTS_PER_HTTP = 250;
    /** Warm-up messages beyond the fixed ones, at most, while the servers' compilers are busy. */
    private static final int MAX_EXTRA_WARMUP = 120;
    /** A message during which no server's compiler threads used more CPU than this counts as quiet. */
    private static final long QUIET_COMPILE_MS = 10;
    /** Quiet messages in a row that end the warm-up. */
    private static final int QUIET_MESSAGES = 3;

    private final List<Target> targets;

    Fanout(Target target) {
        this(List.of(target));
    }

    Fanout(List<Target> targets) {
        this.targets = List.copyOf(targets);
    }

    /**
     * {@code sameState}: every receiver is a guest (no author of its own), so their chat components hold the same
     * state and tree and the server renders each broadcast once for all of them; otherwise each receiver has its own
     * author (shown in its input's placeholder), so every receiver's render is its own.
     */
    Map<String, Object> measure(int receivers, int warmup, int messages, boolean sameState) {
        String room = "fan-" + receivers + (sameState ? "-s-" : "-") + Long.toString(ThreadLocalRandom.current()
                .nextLong(1L << 40), 36);
        String page = "/bench/page?c=chat-room&room=" + room + "&author=";
        Deadline deadline = Deadline.in(Duration.ofMinutes(5));
        List<HttpClient> pool = new ArrayList<>();
        List<ComponentClient> clients = new ArrayList<>();
        for (int i = 0; i < receivers; i++) {
            deadline.check("connecting chat clients");
            if (i % CLIENTS_PER_HTTP == 0) {
                pool.add(Wire.http());
            }
            Target target = targets.get(i % targets.size());
            ComponentClient c = ComponentClient.open(target.base(), pool.get(pool.size() - 1), page + (sameState ? "" : "r" + i),
                    target.diffyneSocket());
            c.resume();
            clients.add(c);
        }
        Target first = targets.get(0);
        ComponentClient sender = ComponentClient.open(first.base(), Wire.http(), page + "sender", first.diffyneSocket());
        String channel = "\"channel\":\"chat." + room + "\"";
        Round round = new Round(sender, clients, channel, deadline);
        for (int k = 0; k < warmup; k++) {
            round.send(null);
        }
        // then until the servers' compilers are quiet: QUIET_MESSAGES messages in a row during which none of their
        // compiler threads used more than QUIET_COMPILE_MS of CPU (the previous phases leave a queue of compilations
        // that would otherwise run during the measured ones)
        int extra = 0;
        int quietInARow = 0;
        long[] busy = busyMillis(pool.get(0));
        while (extra < MAX_EXTRA_WARMUP && quietInARow < QUIET_MESSAGES) {
            round.send(null);
            extra++;
            long[] now = busyMillis(pool.get(0));
            boolean quiet = true;
            for (int t = 0; t < now.length; t++) {
                quiet &= now[t] - busy[t] <= QUIET_COMPILE_MS;
            }
            busy = now;
            quietInARow = quiet ? quietInARow + 1 : 0;
        }
        long[] compiled = compileMillis(pool.get(0));
        // steady state: the garbage and the promotion debt of opening the receivers (their sessions, pages, live
        // components: all young objects) are collected now, not in the first measured messages
        int collections = 0;
        for (Target t : targets) {
            Wire.get(pool.get(0), t.base() + "/bench/heap");
            collections++;
        }
        // and the load generator's own: its 1,000 clients' garbage is collected now, not as a pause that delays
        // the arrivals it timestamps (the server's fan-out is measured, not this JVM's collector)
        System.gc();
        long measuredFrom = System.currentTimeMillis();
        long[] lastArrival = new long[messages];
        long[] allDeliveries = new long[messages * receivers];
        for (int k = 0; k < messages; k++) {
            lastArrival[k] = round.send(allDeliveries, k * receivers);
        }
        long compiledDuring = 0;
        long busyDuring = 0;
        long[] after = compileMillis(pool.get(0));
        long[] busyAfter = busyMillis(pool.get(0));
        for (int t = 0; t < after.length; t++) {
            compiledDuring = Math.max(compiledDuring, after[t] - compiled[t]);
            busyDuring = Math.max(busyDuring, busyAfter[t] - busy[t]);
        }
        long measuredTo = System.currentTimeMillis();
        clients.forEach(ComponentClient::close);
        sender.close();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("receivers", receivers);
        out.put("messages", messages);
        out.put("same_state", sameState);
        out.put("warmup_messages", warmup + extra);
        out.put("warmup_quiet", quietInARow >= QUIET_MESSAGES);
        out.put("push_chars_mean", round.pushes == 0 ? 0 : round.pushChars / round.pushes);
        out.put("server_compile_ms_during_measured", compiledDuring);
        out.put("server_compiler_cpu_ms_during_measured", busyDuring);
        out.put("full_collections_before", collections);
        out.put("until_last_receiver", Stats.micros(lastArrival));
        out.put("per_delivery", Stats.micros(allDeliveries));
        out.put("chat_items_rendered_at_end", Math.min(50, warmup + extra + messages));
        // the measured messages' window (wall clock), for reading the server's recording of it alone (JfrPhase)
        out.put("measured_from_ms", measuredFrom);
        out.put("measured_to_ms", measuredTo);
        return out;
    }

    /** Each server's JIT compile time so far, ms ({@code GET /bench/jit}): compilations that ended. */
    private long[] compileMillis(HttpClient http) {
        long[] out = new long[targets.size()];
        for (int t = 0; t < out.length; t++) {
            out[t] = JitQuiet.compileMillis(http, targets.get(t).base());
        }
        return out;
    }

    /** How long each server's compilers have been busy so far, ms ({@link JitQuiet#busyMillis}). */
    private long[] busyMillis(HttpClient http) {
        long[] out = new long[targets.size()];
        for (int t = 0; t < out.length; t++) {
            out[t] = JitQuiet.busyMillis(http, targets.get(t).base());
        }
        return out;
    }

    /** One chat message sent and every receiver's push awaited and checked. */
    private static final class Round {
        private final ComponentClient sender;
        private final List<ComponentClient> clients;
        private final String channel;
        private final Deadline deadline;
        private int sent;
        long pushChars;
        long pushes;

        Round(ComponentClient sender, List<ComponentClient> clients, String channel, Deadline deadline) {
            this.sender = sender;
            this.clients = clients;
            this.channel = channel;
            this.deadline = deadline;
        }

        /** Sends one message; each receiver's time from sending goes to {@code deliveries} from {@code at}. */
        long send(long[] deliveries, int at) {
            String text = "msg-" + sent++ + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
            long start = System.nanoTime();
            sender.call("sendMessage", JsonValue.EMPTY_JSON_ARRAY,
                    JSON.createObjectBuilder().add("newMessage", text).build());
            JsonArray held = sender.snapshot.state.getJsonArray("messages");
            BenchFailure.check(held.getJsonObject(held.size() - 1).getString("text").equals(text),
                    "the sender's list does not end with its message");
            long last = 0;
            for (int i = 0; i < clients.size(); i++) {
                deadline.check("waiting for broadcasts");
                Socket.Message m = clients.get(i).socket().next(text, Math.max(1, deadline.leftMillis()));
                BenchFailure.check(m.text().contains("\"diffyne.push\"") && m.text().contains(channel)
                        && m.text().contains("\"s\":true"), "receiver " + i + " got no valid push: " + m.text());
                long took = m.at() - start;
                pushChars += m.text().length();
                pushes++;
                last = Math.max(last, took);
                if (deliveries != null) {
                    deliveries[at + i] = took;
                }
            }
            // the sender's own component listens too: its re-render (already showing the message, so no patch)
            // comes back as a push with a new version, which the client applies
            sender.applyPush(channel);
            return last;
        }

        long send(long[] none) {
            return send(none, 0);
        }
    }
}
