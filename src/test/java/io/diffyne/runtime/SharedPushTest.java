package io.diffyne.runtime;

import static io.diffyne.runtime.RuntimeHarness.ajax;
import static io.diffyne.runtime.RuntimeHarness.json;
import static io.diffyne.runtime.RuntimeHarness.patches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.runtime.RuntimeHarness.Client;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** One broadcast's delivery renders once per distinct (type, state, tree, caller), and every push is still its own. */
class SharedPushTest {

    private final RuntimeHarness harness = new RuntimeHarness();
    private final DefaultDiffyneRuntime runtime = harness.runtime;

    private record Receiver(Client client, ClientContext context) {
    }

    private Receiver receiver(String component, String principal) {
        ClientContext page = new ClientContext("page", principal, Channel.AJAX, null);
        Client client = new Client(runtime.mount(component, Map.of("room", "a"), page).html());
        ClientContext socket = new ClientContext("ws-" + client.id(), principal, Channel.WEBSOCKET,
                new LiveComponents(8));
        assertTrue(runtime.register(client.snapshot, socket).success());
        return new Receiver(client, socket);
    }

    private static BroadcastMessage ping() {
        return new BroadcastMessage("room.a", "ping", json("{\"from\":\"b\"}"), "sender");
    }

    @Test
    void receiversHoldingTheSameStateShareOneRenderYetEachGetsItsOwnSignedVersion() throws Exception {
        List<Receiver> receivers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            receivers.add(receiver("test-listener", null));
        }
        BroadcastDelivery delivery = runtime.delivery(ping());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<ActionResult>>> pushes = new ArrayList<>();
        for (Receiver r : receivers) {
            pushes.add(pool.submit(() -> runtime.deliver(delivery, r.context())));
        }
        Set<String> sigs = new HashSet<>();
        for (int i = 0; i < receivers.size(); i++) {
            List<ActionResult> results = pushes.get(i).get();
            assertEquals(1, results.size());
            JsonObject push = json(results.get(0).json());
            Client client = receivers.get(i).client();
            assertEquals(client.id(), push.getJsonObject("c").getString("i"), push.toString());
            assertEquals("[{\"t\":\"t\",\"p\":[1,0],\"x\":\"1\"}]", patches(push).toString());
            client.accept(push);
            assertEquals(2, client.snapshot.getInt("version"));
            assertEquals(1, client.state().getInt("pings"));
            assertEquals("b", client.state().getString("heard"));
            sigs.add(client.snapshot.getString("sig"));
            // the signature is this component's: its next action with the full snapshot verifies
            JsonObject next = client.send(runtime, ajax(), "{\"type\":\"call\",\"method\":\"move\",\"params\":[\"c\"]}");
            assertTrue(next.getBoolean("s"), next.toString());
        }
        pool.shutdown();
        assertEquals(receivers.size(), sigs.size(), "every component its own signature");
        assertEquals(1, delivery.renders(), "one render for forty equal components");
    }

    @Test
    void aSharedRendersAnswerIsTheAnswerOfARenderOfItsOwnInEitherFormOfPatches() {
        // receivers on clients with and without compact patches (protocol v3), each delivered within one shared
        // delivery, against twins delivered alone; a second broadcast finds the render by the held objects
        List<Receiver> shared = new ArrayList<>();
        List<Receiver> alone = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int protocol = i % 2 == 0 ? 2 : 3;
            shared.add(speaking(receiver("test-listener", null), protocol));
            alone.add(speaking(receiver("test-listener", null), protocol));
        }
        for (int round = 1; round <= 2; round++) {
            BroadcastDelivery delivery = runtime.delivery(ping());
            for (int i = 0; i < shared.size(); i++) {
                JsonObject mine = json(runtime.deliver(delivery, shared.get(i).context()).get(0).json());
                JsonObject own = json(runtime.deliver(ping(), alone.get(i).context()).get(0).json());
                assertEquals(withoutIdentity(own), withoutIdentity(mine), "receiver " + i + ", round " + round);
                assertEquals(shared.get(i).client().id(), mine.getJsonObject("c").getString("i"));
                shared.get(i).client().accept(mine);
                alone.get(i).client().accept(own);
                assertEquals(round, shared.get(i).client().state().getInt("pings"));
            }
            assertEquals(1, delivery.renders(), "one render for the six, whichever form of patches they read");
        }
    }

    private Receiver speaking(Receiver receiver, int protocol) {
        return new Receiver(receiver.client(), receiver.context().withProtocol(protocol));
    }

    /** An answer without what is the receiver's own: the component's id and the signature. */
    private static JsonObject withoutIdentity(JsonObject push) {
        JsonObject c = push.getJsonObject("c");
        return Json.createObjectBuilder(push).add("c", Json.createObjectBuilder(c).remove("i").remove("sig")).build();
    }

    @Test
    void anotherStateOrAnotherUserIsAnotherRender() {
        Receiver first = receiver("test-listener", null);
        Receiver same = receiver("test-listener", null);
        Receiver ada = receiver("test-listener", "ada");
        Receiver ahead = receiver("test-listener", null);
        BroadcastDelivery earlier = runtime.delivery(ping());
        ahead.client().accept(json(runtime.deliver(earlier, ahead.context()).get(0).json()));

        BroadcastDelivery delivery = runtime.delivery(ping());
        for (Receiver r : List.of(first, same, ada, ahead)) {
            JsonObject push = json(runtime.deliver(delivery, r.context()).get(0).json());
            r.client().accept(push);
        }
        assertEquals(3, delivery.renders(), "anonymous at 0 pings, ada at 0, anonymous at 1");
        assertEquals(2, ahead.client().state().getInt("pings"));
        assertEquals(1, ada.client().state().getInt("pings"));
        JsonObject asAda = ada.client().send(runtime, new ClientContext("page", "ada", Channel.AJAX, null),
                "{\"type\":\"call\",\"method\":\"move\",\"params\":[\"c\"]}");
        assertTrue(asAda.getBoolean("s"), "signed for ada: " + asAda);
    }

    @Test
    void aRenderShowingTheComponentsOwnIdIsNotShared() {
        Receiver one = receiver("test-id-listener", null);
        Receiver two = receiver("test-id-listener", null);
        BroadcastDelivery delivery = runtime.delivery(ping());
        JsonObject first = json(runtime.deliver(delivery, one.context()).get(0).json());
        JsonObject second = json(runtime.deliver(delivery, two.context()).get(0).json());
        assertEquals("[{\"t\":\"t\",\"p\":[0,0],\"x\":\"1\"}]", patches(first).toString());
        assertEquals(patches(first), patches(second));
        one.client().accept(first);
        two.client().accept(second);
        assertNotEquals(one.client().snapshot.getString("sig"), two.client().snapshot.getString("sig"));
        // each holds a tree showing its own id: a render by reference from there diffs against the right one
        JsonObject rendered = json(runtime.handle(RuntimeHarness.request(Json.createObjectBuilder()
                .add("type", "render").add("snapshot", two.client().snapshot).build().toString()), two.context())
                .json());
        assertTrue(rendered.getJsonObject("c").getString("h").contains("c-" + two.client().id()), rendered.toString());
        assertEquals(2, two.context().live().get(two.client().id()).version());
        assertTrue(((io.diffyne.vdom.VElement) two.context().live().get(two.client().id()).tree()).toHtml(Map.of())
                .contains("c-" + two.client().id()), "the held tree is its own render");
    }
}
