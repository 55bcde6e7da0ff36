package io.diffyne.bench.load;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The fan-out's baseline, measured as {@link Fanout} measures Diffyne's: one message sent to a framework-free
 * broadcast endpoint ({@code /bench/broadcast}, the benchmark WAR's {@code BroadcastSocket}) on the same server,
 * carrying as many characters as Diffyne's push did, and the time from sending it until each receiver has it: what
 * a plain Jakarta WebSocket endpoint on this server and machine takes to reach that many connections, the baseline
 * beside the fan-out target. Diffyne's figure has the sender's action (its click, the chat log's insert, the render)
 * on top of its delivery.
 */
final class RawFanout {

    private static final int CLIENTS_PER_HTTP = 250;

    private final Target target;

    RawFanout(Target target) {
        this.target = target;
    }

    Map<String, Object> measure(int receivers, int warmup, int messages, int payloadChars) {
        String room = "raw-" + receivers + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        String url = "ws://" + target.host() + ":" + target.port() + "/bench/broadcast?room=" + room;
        Deadline deadline = Deadline.in(Duration.ofMinutes(3));
        List<HttpClient> pool = new ArrayList<>();
        List<Socket> sockets = new ArrayList<>();
        Socket sender = null;
        try {
            for (int i = 0; i < receivers; i++) {
                deadline.check("connecting broadcast receivers");
                if (i % CLIENTS_PER_HTTP == 0) {
                    pool.add(Wire.http());
                }
                sockets.add(Socket.open(pool.get(pool.size() - 1), url));
            }
            sender = Socket.open(Wire.http(), url + "&role=sender");
            awaitRegistered(sender, receivers, deadline);
            Round round = new Round(sender, sockets, Math.max(32, payloadChars), deadline);
            for (int k = 0; k < warmup; k++) {
                round.send(null, 0);
            }
            Map<String, Object> warmed = JitQuiet.warm(pool.get(0), target.base(), () -> round.send(null, 0), 60,
                    deadline);
            // as for Diffyne's: both sides' garbage collected before the measured messages
            Wire.get(pool.get(0), target.base() + "/bench/heap");
            System.gc();
            long[] lastArrival = new long[messages];
            long[] allDeliveries = new long[messages * receivers];
            for (int k = 0; k < messages; k++) {
                lastArrival[k] = round.send(allDeliveries, k * receivers);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("receivers", receivers);
            out.put("messages", messages);
            out.put("payload_chars", round.payloadChars);
            out.put("warm_until_quiet", warmed);
            out.put("until_last_receiver", Stats.micros(lastArrival));
            out.put("per_delivery", Stats.micros(allDeliveries));
            return out;
        } finally {
            sockets.forEach(Socket::close);
            if (sender != null) {
                sender.close();
            }
        }
    }

    /** Until the server counts every receiver in the room: a socket the client sees open may not be registered yet. */
    private static void awaitRegistered(Socket sender, int receivers, Deadline deadline) {
        while (true) {
            deadline.check("waiting for the broadcast receivers to register");
            sender.send("?count");
            String answer = sender.next("count:", Math.max(1, deadline.leftMillis())).text();
            if (Integer.parseInt(answer.substring("count:".length())) == receivers) {
                return;
            }
            try {
                Thread.sleep(20); // between polls of a condition with a deadline, not instead of one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchFailure("interrupted");
            }
        }
    }

    /** One message sent and every receiver's copy awaited and compared with it. */
    private static final class Round {
        private final Socket sender;
        private final List<Socket> receivers;
        private final int payloadChars;
        private final Deadline deadline;
        private int sent;

        Round(Socket sender, List<Socket> receivers, int payloadChars, Deadline deadline) {
            this.sender = sender;
            this.receivers = receivers;
            this.payloadChars = payloadChars;
            this.deadline = deadline;
        }

        long send(long[] deliveries, int at) {
            String marker = "raw-" + sent++ + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36)
                    + ":";
            String text = marker + "x".repeat(Math.max(0, payloadChars - marker.length()));
            long start = System.nanoTime();
            sender.send(text);
            long last = 0;
            for (int i = 0; i < receivers.size(); i++) {
                deadline.check("waiting for the raw broadcast");
                Socket.Message m = receivers.get(i).next(marker, Math.max(1, deadline.leftMillis()));
                int receiver = i;
                BenchFailure.check(m.text().equals(text), () -> "receiver " + receiver + " got a different text");
                long took = m.at() - start;
                last = Math.max(last, took);
                if (deliveries != null) {
                    deliveries[at + i] = took;
                }
            }
            Socket.Message ack = sender.next("sent:", Math.max(1, deadline.leftMillis()));
            BenchFailure.check(ack.text().equals("sent:" + receivers.size()),
                    () -> "the endpoint sent to " + ack.text() + " receivers, not " + receivers.size());
            return last;
        }
    }
}
