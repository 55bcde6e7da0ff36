package io.diffyne.runtime;

import static io.diffyne.runtime.RuntimeHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** A broadcast listener runs in a request context of its own, and receivers sharing its render need none. */
class ListenerScopeTest {

    /** A request-scoped bean: usable only while a request context is active. */
    @RequestScoped
    public static class Visit {
        private final int id = System.identityHashCode(this);

        public int id() {
            return id;
        }
    }

    @Test
    void theContainersScopeActivatesARequestContextForEachCallOutsideOne() {
        try (WeldContainer weld = new Weld("listener-scope-" + System.nanoTime()).disableDiscovery()
                .addBeanClasses(ListenerScope.class, Visit.class).initialize()) {
            Visit visit = weld.select(Visit.class).get();
            assertThrows(ContextNotActiveException.class, visit::id, "no request context outside a call");
            ListenerScope scope = weld.select(ListenerScope.class).get();
            int first = scope.call(visit::id);
            int second = scope.call(visit::id);
            assertTrue(first != second, "each call its own request context, so its own request-scoped beans");
        }
    }

    @Test
    void receiversSharingARenderEnterTheScopeOnceForIt() {
        RuntimeHarness harness = new RuntimeHarness();
        AtomicInteger calls = new AtomicInteger();
        harness.runtime.runListenersIn(new ListenerScope() {
            @Override
            public <T> T call(Supplier<T> work) {
                calls.incrementAndGet();
                return work.get();
            }
        });
        List<ClientContext> sockets = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ClientContext page = new ClientContext("page", null, Channel.AJAX, null);
            RuntimeHarness.Client client = new RuntimeHarness.Client(harness.runtime.mount("test-listener",
                    Map.of("room", "a"), page).html());
            ClientContext socket = new ClientContext("ws-" + i, null, Channel.WEBSOCKET, new LiveComponents(8));
            assertTrue(harness.runtime.register(client.snapshot, socket).success());
            sockets.add(socket);
        }
        BroadcastDelivery delivery = harness.runtime.delivery(new BroadcastMessage("room.a", "ping",
                json("{\"from\":\"b\"}"), "sender"));
        for (ClientContext socket : sockets) {
            JsonObject push = json(harness.runtime.deliver(delivery, socket).get(0).json());
            assertTrue(push.getBoolean("s"), push.toString());
        }
        assertEquals(1, calls.get(), "one listener run in a scope for twelve receivers of one render");
    }
}
