package io.diffyne.bench.micro;

import static io.diffyne.bench.micro.Clicks.check;
import static io.diffyne.bench.micro.Clicks.snapshotOf;

import io.diffyne.component.Component;
import io.diffyne.config.DiffyneSettings;
import io.diffyne.demo.ChatRoom;
import io.diffyne.demo.ChatStore;
import io.diffyne.runtime.ActionResult;
import io.diffyne.runtime.BroadcastDelivery;
import io.diffyne.runtime.BroadcastMessage;
import io.diffyne.runtime.Channel;
import io.diffyne.runtime.ClientContext;
import io.diffyne.runtime.DefaultDiffyneRuntime;
import io.diffyne.runtime.LiveComponents;
import io.diffyne.runtime.meta.ComponentInstance;
import io.diffyne.runtime.meta.ComponentRegistry;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.validation.Validation;

import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * In-process cost of one chat broadcast to {@code n} connections of one instance, without sockets: the demo's
 * {@code chat-room} (messages in memory), each receiver its own connection ({@link LiveComponents}) holding its
 * registered component; a message is added and its broadcast delivered to every receiver on two threads, as the
 * WebSocket transport's delivery lanes do. Per connection ({@code runtime.deliver(message, …)}: a render per
 * receiver, as before renders were shared) against one shared delivery ({@code runtime.delivery(message)}), for
 * receivers with their own author (distinct states: nothing to share) and for guests (one state). Every push is
 * checked to carry the message. The figure is the median of the messages' wall times.
 * <p>
 * {@code java io.diffyne.bench.micro.FanoutBench <out.json> [quick | receiver]}; {@code receiver}: only
 * {@link #perReceiver}, one receiver's cost on one thread.
 */
public final class FanoutBench {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final String KEY = "bench-key-0123456789abcdef";
    private static final int THREADS = 2;

    private final ChatStore store = openStore();
    private final DefaultDiffyneRuntime runtime = new DefaultDiffyneRuntime(ComponentRegistry.of(ChatRoom.class),
            withStore(store), DiffyneSettings.load(name -> Optional.ofNullable(Map.of("DIFFYNE_WS_KEY", KEY)
                    .get(name))), Validation.buildDefaultValidatorFactory().getValidator(), m -> { });
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    private final ClientContext page = new ClientContext("page", null, Channel.AJAX, null);
    private int rooms;

    public static void main(String[] args) throws Exception {
        boolean quick = args.length > 1 && args[1].equals("quick");
        FanoutBench bench = new FanoutBench();
        Map<String, Object> out = new LinkedHashMap<>();
        if (args.length > 1 && args[1].equals("receiver")) {
            try {
                out.put("distinct", bench.perReceiver(200, false, 40, 100));
                out.put("same_state", bench.perReceiver(200, true, 40, 100));
            } finally {
                bench.pool.shutdownNow();
            }
            write(out, Path.of(args[0]));
            System.out.println("[fanout-receiver] " + out);
            return;
        }
        try {
            for (int n : quick ? new int[] {100, 300} : new int[] {100, 1000}) {
                int messages = quick ? 5 : 15;
                Map<String, Object> level = new LinkedHashMap<>();
                level.put("distinct_per_connection", bench.run(n, false, false, messages));
                level.put("distinct_shared_delivery", bench.run(n, false, true, messages));
                level.put("same_state_per_connection", bench.run(n, true, false, messages));
                level.put("same_state_shared_delivery", bench.run(n, true, true, messages));
                out.put(String.valueOf(n), level);
            }
        } finally {
            bench.pool.shutdownNow();
        }
        write(out, Path.of(args[0]));
        System.out.println("[fanout-micro] " + out);
    }

    private static void write(Map<String, Object> out, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file);
             var writer = JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(w)) {
            writer.write(JSON.createObjectBuilder(out).build());
        }
    }

    /**
     * One receiver's cost of a broadcast, on one thread (so the figure is CPU time, not two threads' wall time):
     * {@code n} receivers in one room, {@code warmUp} messages, then {@code messages} measured ones, each delivered
     * to every receiver in turn through one shared delivery; µs per receiver per message, quartiles. The room's
     * store keeps its latest 50 messages, so after the warm-up every message also drops the oldest.
     */
    private Map<String, Object> perReceiver(int n, boolean sameState, int warmUp, int messages) throws Exception {
        String room = "bench-" + ++rooms;
        List<ClientContext> receivers = receivers(room, n, sameState);
        double[] us = new double[messages];
        for (int k = -warmUp; k < messages; k++) {
            String text = "fan-out message " + room + "-" + k;
            BroadcastDelivery delivery = runtime.delivery(announce(room, text));
            long start = System.nanoTime();
            for (ClientContext receiver : receivers) {
                checkPush(runtime.deliver(delivery, receiver), text);
            }
            if (k >= 0) {
                us[k] = (System.nanoTime() - start) / 1e3 / n;
            }
        }
        Arrays.sort(us);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("receivers", n);
        out.put("messages", messages);
        out.put("us_per_receiver_p25", round(us[messages / 4]));
        out.put("us_per_receiver_p50", round(us[messages / 2]));
        out.put("us_per_receiver_p75", round(us[messages * 3 / 4]));
        return out;
    }

    /** {@code n} connections in {@code room} (seeded with 20 messages), each holding its registered chat room. */
    private List<ClientContext> receivers(String room, int n, boolean sameState) {
        for (int i = 0; i < 20; i++) {
            store.add(room, "seed", "seed message " + i);
        }
        List<ClientContext> receivers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String html = runtime.mount("chat-room", Map.of("room", room, "author", sameState ? "" : "r" + i), page)
                    .html();
            ClientContext socket = new ClientContext("ws-" + i, null, Channel.WEBSOCKET, new LiveComponents(64));
            check(runtime.register(snapshotOf(html), socket).success(), "registering receiver " + i);
            receivers.add(socket);
        }
        return receivers;
    }

    /** Adds {@code text} to the room's store and returns its announcement. */
    private BroadcastMessage announce(String room, String text) {
        store.add(room, "sender", text);
        return new BroadcastMessage("chat." + room, "message-sent", JSON.createObjectBuilder().add("room", room).build(),
                "sender");
    }

    private static void checkPush(List<ActionResult> results, String text) {
        check(results.size() == 1 && results.get(0).success() && results.get(0).json().contains(text),
                "a push without the message: " + results);
    }

    /** Median and highest ms per broadcast, and µs per receiver, after two warm-up messages. */
    private Map<String, Object> run(int n, boolean sameState, boolean shared, int messages) throws Exception {
        String room = "bench-" + ++rooms;
        List<ClientContext> receivers = receivers(room, n, sameState);
        double[] ms = new double[messages];
        for (int k = -2; k < messages; k++) {
            String text = "fan-out message " + room + "-" + k;
            BroadcastMessage message = announce(room, text);
            BroadcastDelivery delivery = runtime.delivery(message);
            long start = System.nanoTime();
            List<Future<List<ActionResult>>> pushes = new ArrayList<>(n);
            for (ClientContext receiver : receivers) {
                pushes.add(pool.submit(() -> shared ? runtime.deliver(delivery, receiver)
                        : runtime.deliver(message, receiver)));
            }
            for (Future<List<ActionResult>> push : pushes) {
                checkPush(push.get(), text);
            }
            if (k >= 0) {
                ms[k] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(ms);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("receivers", n);
        out.put("messages", messages);
        out.put("median_ms", round(ms[messages / 2]));
        out.put("max_ms", round(ms[messages - 1]));
        out.put("us_per_receiver", round(ms[messages / 2] * 1000 / n));
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** The demo's store, opened as the container would (no default datasource here: memory). */
    private static ChatStore openStore() {
        try {
            ChatStore store = new ChatStore();
            Method open = ChatStore.class.getDeclaredMethod("open");
            open.setAccessible(true);
            open.invoke(store);
            return store;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Plain instances with the store injected, as CDI would. */
    private static io.diffyne.runtime.meta.ComponentFactory withStore(ChatStore store) {
        Function<Component, Component> inject = component -> {
            try {
                Field field = ChatRoom.class.getDeclaredField("store");
                field.setAccessible(true);
                field.set(component, store);
                return component;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
        return type -> new ComponentInstance(inject.apply(type.newPlainInstance()), () -> { });
    }
}
