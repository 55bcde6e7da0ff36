package io.diffyne.runtime;

import static io.diffyne.runtime.RuntimeHarness.ajax;
import static io.diffyne.runtime.RuntimeHarness.json;
import static io.diffyne.runtime.RuntimeHarness.patches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.protocol.ErrorType;
import io.diffyne.runtime.RuntimeHarness.Client;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DefaultDiffyneRuntimeTest {

    private final RuntimeHarness harness = new RuntimeHarness();
    private final DefaultDiffyneRuntime runtime = harness.runtime;

    private Client mount(String name) {
        return new Client(runtime.mount(name, Map.of(), ajax()).html());
    }

    @Test
    void mountWritesTheRootAttributesAndASignedSnapshot() {
        MountResult mounted = runtime.mount("counter", Map.of("step", 2), ajax());
        Client client = new Client(mounted.html());
        assertTrue(mounted.html().startsWith("<div class=\"card counter\" diff:id=\"" + mounted.id() + "\""),
                mounted.html());
        assertTrue(mounted.html().contains("diff:component=\"counter\""));
        assertEquals(json("{\"count\":0,\"step\":2}"), client.state());
        assertEquals(1, client.snapshot.getInt("version"));
        assertEquals(22, client.snapshot.getString("sig").length());
        assertFalse(mounted.html().contains("diff:listeners"), "the counter listens to nothing");
    }

    @Test
    void aClickIsOneTextPatchAndAOneOpStateDelta() {
        Client client = mount("counter");
        JsonObject response = client.send(runtime, ajax(), "{\"type\":\"call\",\"method\":\"increment\"}");
        assertEquals("{\"s\":true,\"c\":{\"i\":\"" + client.id() + "\",\"p\":[{\"t\":\"t\",\"p\":[1,0,0],\"x\":\"1\"}],"
                + "\"sd\":[[\"p\",\"/count\",1]],\"v\":2,\"sig\":\"" + client.snapshot.getString("sig") + "\"}}",
                response.toString());
        JsonObject second = client.send(runtime, ajax(), "{\"type\":\"call\",\"method\":\"increment\",\"requestId\":\"r2\"}");
        assertTrue(second.getBoolean("s"), second.toString());
        assertEquals(2, client.state().getInt("count"));
        assertEquals("r2", second.getString("requestId"));
    }

    @Test
    void aTamperedSnapshotIsASecurityError() {
        Client client = mount("counter");
        client.snapshot = Json.createObjectBuilder(client.snapshot)
                .add("state", json("{\"count\":1000,\"step\":1}")).build();
        JsonObject response = client.send(runtime, ajax(), "{\"type\":\"call\",\"method\":\"increment\"}");
        assertEquals("security_error", response.getString("type"), response.toString());
        assertFalse(response.getBoolean("s"));
    }

    @Test
    void aSnapshotSignedUnderAnotherKeyIsRefused() {
        RuntimeHarness other = new RuntimeHarness(Map.of("DIFFYNE_WS_KEY", "another-key-0123456789abcdef"));
        Client client = new Client(other.runtime.mount("counter", Map.of(), ajax()).html());
        JsonObject response = client.send(runtime, ajax(), "{\"type\":\"call\",\"method\":\"increment\"}");
        assertEquals("security_error", response.getString("type"));
    }

    @Test
    void aSnapshotIsBoundToItsPrincipal() {
        ClientContext ada = new ClientContext("c", "ada", Channel.AJAX, null);
        ClientContext bob = new ClientContext("c", "bob", Channel.AJAX, null);
        Client client = new Client(runtime.mount("counter", Map.of(), ada).html());
        assertEquals("security_error", client.send(runtime, bob, "{\"type\":\"call\",\"method\":\"increment\"}")
                .getString("type"));
        assertTrue(client.send(runtime, ada, "{\"type\":\"call\",\"method\":\"increment\"}").getBoolean("s"));
    }

    @Test
    void lockedFieldsCannotBeUpdated() {
        Client client = mount("counter");
        JsonObject response = client.send(runtime, ajax(), "{\"type\":\"update\",\"property\":\"step\",\"value\":50}");
        assertEquals("security_error", response.getString("type"));
        assertEquals("Property 'step' of component 'counter' is @Locked: the client cannot change it",
                response.getString("error"));
        JsonObject viaUpdates = client.send(runtime, ajax(),
                "{\"type\":\"call\",\"method\":\"increment\",\"updates\":{\"step\":50}}");
        assertEquals("security_error", viaUpdates.getString("type"));
    }

    @Test
    void onlyInvokableMethodsAreCallable() {
        Client client = mount("counter");
        for (String method : new String[] {"mount", "hydrate", "toString", "getId", "nope"}) {
            JsonObject response = client.send(runtime, ajax(), "{\"type\":\"call\",\"method\":\"" + method + "\"}");
            assertEquals("method_error", response.getString("type"), method);
            assertEquals("Method '" + method + "' is not callable on component 'counter': only public methods "
                    + "annotated @Invokable are", response.getString("error"));
        }
        JsonObject wrongCount = client.send(runtime, ajax(), "{\"type\":\"call\",\"method\":\"increment\",\"params\":[1]}");
        assertEquals("Method 'increment' takes 0 parameter(s), got 1", wrongCount.getString("error"));
    }

    @Test
    void parametersAreCoercedOrRefused() {
        Client client = mount("todo-list");
        long firstId = client.state().getJsonArray("todos").getJsonObject(0).getJsonNumber("id").longValue();
        JsonObject toggled = client.send(runtime, ajax(),
                "{\"type\":\"call\",\"method\":\"toggleTodo\",\"params\":[" + firstId + "]}");
        assertTrue(toggled.getBoolean("s"), toggled.toString());
        assertTrue(client.state().getJsonArray("todos").getJsonObject(0).getBoolean("completed"));
        JsonObject bad = client.send(runtime, ajax(), "{\"type\":\"call\",\"method\":\"toggleTodo\",\"params\":[\"x\"]}");
        assertEquals("method_error", bad.getString("type"), bad.toString());
    }

    @Test
    void aCollectionCannotBeSetToNullButCanBeEmptied() {
        Client client = mount("todo-list");
        JsonObject nulled = client.send(runtime, ajax(), "{\"type\":\"update\",\"property\":\"todos\",\"value\":null}");
        assertEquals("{\"s\":false,\"error\":\"Property 'todos' of component 'todo-list' is a collection: send an empty"
                + " one ([] or {}), not null\",\"type\":\"property_error\"}", nulled.toString());
        JsonObject emptied = client.send(runtime, ajax(), "{\"type\":\"update\",\"property\":\"todos\",\"value\":[]}");
        assertTrue(emptied.getBoolean("s"), emptied.toString());
        assertEquals(0, client.state().getJsonArray("todos").size());
    }

    @Test
    void unknownComponentsAreNotFound() {
        var signer = new io.diffyne.state.SnapshotSigner(
                io.diffyne.config.DiffyneSettings.load(n -> java.util.Optional.ofNullable(RuntimeHarness.KEY.get(n)))
                        .signingKey());
        var snapshot = signer.sign(new io.diffyne.state.Snapshot("nope", "AAAAAAAAAAAA", 1,
                jakarta.json.JsonValue.EMPTY_JSON_OBJECT, null), null);
        ActionResult result = runtime.handle(RuntimeHarness.request(
                "{\"type\":\"render\",\"snapshot\":" + snapshot.toJsonString() + "}"), ajax());
        assertEquals(ErrorType.NOT_FOUND, result.error(), result.json());
        assertEquals("{\"s\":false,\"error\":\"Unknown component 'nope'\",\"type\":\"not_found\"}", result.json());
    }

    @Test
    void renamingTheComponentInASnapshotBreaksItsSignature() {
        Client client = mount("counter");
        client.snapshot = Json.createObjectBuilder(client.snapshot).add("component", "todo-list").build();
        JsonObject response = client.send(runtime, ajax(), "{\"type\":\"call\",\"method\":\"increment\"}");
        assertEquals("security_error", response.getString("type"));
    }

    @Test
    void aRepeatedRequestIdRunsOnce() {
        Client client = mount("counter");
        JsonObject snapshot = client.snapshot;
        ActionResult first = runtime.handle(RuntimeHarness.request(Json.createObjectBuilder(
                json("{\"type\":\"call\",\"method\":\"increment\",\"requestId\":\"same\"}"))
                .add("snapshot", snapshot).build().toString()), ajax());
        ActionResult again = runtime.handle(RuntimeHarness.request(Json.createObjectBuilder(
                json("{\"type\":\"call\",\"method\":\"increment\",\"requestId\":\"same\"}"))
                .add("snapshot", snapshot).build().toString()), ajax());
        assertSame(first, again);
    }

    @Test
    void renderAnswersTheWholeComponent() {
        Client client = mount("counter");
        client.send(runtime, ajax(), "{\"type\":\"call\",\"method\":\"increment\"}");
        JsonObject response = client.send(runtime, ajax(), "{\"type\":\"render\"}");
        JsonObject c = response.getJsonObject("c");
        assertEquals(json("{\"count\":1,\"step\":1}"), c.getJsonObject("st"));
        assertTrue(c.getString("h").contains("<span>1</span>"), c.getString("h"));
        assertEquals(client.snapshot.getString("sig"), c.getString("sig"));
    }

    @Test
    void anotherNodeWithTheSameKeyProducesTheSamePatches() {
        RuntimeHarness otherNode = new RuntimeHarness();
        Client client = mount("counter");
        JsonObject elsewhere = client.send(otherNode.runtime, ajax(), "{\"type\":\"call\",\"method\":\"increment\"}");
        assertEquals("[{\"t\":\"t\",\"p\":[1,0,0],\"x\":\"1\"}]", patches(elsewhere).toString());
    }

    @Test
    void aConnectionCanNameItsSnapshotInsteadOfResendingIt() {
        LiveComponents live = new LiveComponents(8);
        ClientContext ws = new ClientContext("ws-1", null, Channel.WEBSOCKET, live);
        Client client = mount("counter");
        client.send(runtime, ws, "{\"type\":\"call\",\"method\":\"increment\"}");
        String ref = "{\"id\":\"" + client.id() + "\",\"version\":" + client.snapshot.getInt("version")
                + ",\"sig\":\"" + client.snapshot.getString("sig") + "\"}";
        ActionResult byRef = runtime.handle(RuntimeHarness.request(
                "{\"type\":\"call\",\"method\":\"increment\",\"ref\":" + ref + "}"), ws);
        assertTrue(byRef.success(), byRef.json());
        client.accept(json(byRef.json()));
        assertEquals(2, client.state().getInt("count"));

        ActionResult stale = runtime.handle(RuntimeHarness.request(
                "{\"type\":\"call\",\"method\":\"increment\",\"ref\":" + ref + "}"), ws);
        assertEquals(ErrorType.SNAPSHOT_REQUIRED, stale.error());
        ActionResult otherConnection = runtime.handle(RuntimeHarness.request(
                "{\"type\":\"call\",\"method\":\"increment\",\"ref\":" + ref + "}"),
                new ClientContext("ws-2", null, Channel.WEBSOCKET, new LiveComponents(8)));
        assertEquals(ErrorType.SNAPSHOT_REQUIRED, otherConnection.error());
    }

    /** What the browser does with a response's event: an `event` request carrying the event's data and pass. */
    private static String relay(JsonObject event) {
        return Json.createObjectBuilder().add("type", "event").add("event", event.getString("name"))
                .add("data", event.get("data")).add("pass", event.getString("pass")).build().toString();
    }

    @Test
    void aForgedEventCannotSkipTheConfirmation() {
        Client posts = mount("post-list");
        String refusal = "{\"s\":false,\"error\":\"Event 'delete-post-confirmed' of component 'post-list' has no"
                + " pass from the server, and its listeners are server-side: a listener the browser may trigger is"
                + " marked @On(value = \\\"delete-post-confirmed\\\", fromClient = true)\",\"type\":\"security_error\"}";
        assertEquals(refusal, posts.send(runtime, ajax(), "{\"type\":\"event\",\"event\":\"delete-post-confirmed\","
                + "\"data\":{\"id\":2}}").toString());

        // a real pass, for other data, another target, another user, or altered, proves nothing either
        Client modal = mount("confirmation-modal");
        modal.send(runtime, ajax(), relay(posts.send(runtime, ajax(),
                "{\"type\":\"call\",\"method\":\"confirmDelete\",\"params\":[2]}").getJsonArray("events").getJsonObject(0)));
        JsonObject pass = modal.send(runtime, ajax(), "{\"type\":\"call\",\"method\":\"confirm\"}")
                .getJsonArray("events").getJsonObject(0);
        String forPost2 = pass.getString("pass");
        JsonObject otherData = Json.createObjectBuilder(pass).add("data", Json.createObjectBuilder().add("id", 3)).build();
        assertEquals(refusal, posts.send(runtime, ajax(), relay(otherData)).toString());
        String tampered = forPost2.substring(0, forPost2.length() - 2) + (forPost2.endsWith("AA") ? "BB" : "AA");
        assertEquals(refusal, posts.send(runtime, ajax(), relay(Json.createObjectBuilder(pass)
                .add("pass", tampered).build())).toString());
        String expiredTime = "1" + forPost2.substring(forPost2.indexOf('.'));
        assertEquals(refusal, posts.send(runtime, ajax(), relay(Json.createObjectBuilder(pass)
                .add("pass", expiredTime).build())).toString());
        ClientContext mallory = new ClientContext("client-2", "mallory", Channel.AJAX, null);
        Client mallorys = new Client(runtime.mount("post-list", Map.of(), mallory).html());
        assertEquals(refusal, mallorys.send(runtime, mallory, relay(pass)).toString());
        assertEquals(10, posts.state().getJsonArray("posts").size());
        assertEquals(10, mallorys.state().getJsonArray("posts").size());

        assertTrue(posts.send(runtime, ajax(), relay(pass)).getBoolean("s"));
        assertEquals(9, posts.state().getJsonArray("posts").size());
    }

    @Test
    void aDispatchToOneComponentOrToItselfReachesOnlyThose() {
        Client listener = new Client(runtime.mount("test-listener", Map.of(), ajax()).html());
        Client other = new Client(runtime.mount("test-listener", Map.of(), ajax()).html());
        JsonObject self = listener.send(runtime, ajax(), "{\"type\":\"call\",\"method\":\"pingSelf\"}")
                .getJsonArray("events").getJsonObject(0);
        assertEquals(ErrorType.SECURITY_ERROR.wireName(), other.send(runtime, ajax(), relay(self)).getString("type"));
        assertTrue(listener.send(runtime, ajax(), relay(self)).getBoolean("s"));
        assertEquals(1, listener.state().getInt("pings"));
        assertEquals(0, other.state().getInt("pings"));

        Client posts = mount("post-list");
        JsonObject toModal = posts.send(runtime, ajax(), "{\"type\":\"call\",\"method\":\"confirmDelete\",\"params\":[1]}")
                .getJsonArray("events").getJsonObject(0);
        JsonObject renamed = Json.createObjectBuilder(toModal).add("name", "ping").build();
        assertEquals(ErrorType.SECURITY_ERROR.wireName(), listener.send(runtime, ajax(), relay(renamed)).getString("type"));
    }

    private static JsonObject grantsOf(String html) {
        return json(org.jsoup.Jsoup.parseBodyFragment(html).body().child(0).attr("diff:grants"));
    }

    private static ChannelGrants grantChecker() {
        return new ChannelGrants(io.diffyne.config.DiffyneSettings.load(
                name -> java.util.Optional.ofNullable(RuntimeHarness.KEY.get(name))));
    }

    @Test
    void aListeningComponentIsMountedWithAGrantForEachOfItsChannelsForItsUser() {
        ClientContext ann = new ClientContext("client-2", "ann", Channel.AJAX, null);
        String html = runtime.mount("test-listener", Map.of("room", "a"), ann).html();
        assertTrue(html.contains(" diff:channels=\"[&quot;room.a&quot;]\" diff:grants=\"{&quot;room.a&quot;:&quot;"),
                html);
        String grant = grantsOf(html).getString("room.a");
        assertEquals(ChannelGrants.Check.VALID, grantChecker().check("room.a", grant, "ann"));
        assertEquals(ChannelGrants.Check.INVALID, grantChecker().check("room.a", grant, null), "for ann only");
        assertEquals(ChannelGrants.Check.INVALID, grantChecker().check("room.b", grant, "ann"));
        assertFalse(runtime.mount("counter", Map.of(), ann).html().contains("diff:grants"), "a deaf component");
    }

    @Test
    void aListeningComponentIsMountedAndRenderedWithItsChannelsHeadsFromTheBus() {
        java.util.Map<String, ChannelHead> bus = new java.util.HashMap<>(Map.of("room.a", new ChannelHead("Ep0chAbc", 41)));
        runtime.readHeadsFrom(channel -> bus.getOrDefault(channel, ChannelHead.NONE));
        String html = runtime.mount("test-listener", Map.of("room", "a"), ajax()).html();
        JsonObject heads = json(org.jsoup.Jsoup.parseBodyFragment(html).body().child(0).attr("diff:heads"));
        assertEquals(json("{\"room.a\":{\"ep\":\"Ep0chAbc\",\"seq\":41}}"), heads, html);
        Client listener = new Client(html);
        listener.send(runtime, ajax(), "{\"type\":\"call\",\"method\":\"move\",\"params\":[\"b\"]}");
        JsonObject rendered = listener.send(runtime, ajax(), "{\"type\":\"render\"}");
        assertEquals(json("{\"room.b\":{\"ep\":null,\"seq\":0}}"), json(org.jsoup.Jsoup.parseBodyFragment(
                rendered.getJsonObject("c").getString("h")).body().child(0).attr("diff:heads")), "no log yet");
        assertFalse(runtime.mount("counter", Map.of(), ajax()).html().contains("diff:heads"), "a deaf component");
        runtime.readHeadsFrom((ChannelHeads) null);
        assertFalse(runtime.mount("test-listener", Map.of("room", "a"), ajax()).html().contains("diff:heads"),
                "no bus, no heads");
    }

    @Test
    void aResponseCarriesGrantsWhenTheChannelsChangedAndARenderAlways() {
        Client listener = new Client(runtime.mount("test-listener", Map.of("room", "a"), ajax()).html());
        JsonObject same = listener.send(runtime, ajax(), "{\"type\":\"call\",\"method\":\"pingSelf\"}");
        assertFalse(same.getJsonObject("c").containsKey("g"), same.toString());
        JsonObject moved = listener.send(runtime, ajax(), "{\"type\":\"call\",\"method\":\"move\",\"params\":[\"b\"]}");
        JsonObject grants = moved.getJsonObject("c").getJsonObject("g");
        assertEquals(java.util.Set.of("room.b"), grants.keySet(), moved.toString());
        assertEquals(ChannelGrants.Check.VALID, grantChecker().check("room.b", grants.getString("room.b"), null));
        JsonObject rendered = listener.send(runtime, ajax(), "{\"type\":\"render\"}");
        assertEquals(ChannelGrants.Check.VALID, grantChecker().check("room.b",
                grantsOf(rendered.getJsonObject("c").getString("h")).getString("room.b"), null));
        Client counter = mount("counter");
        assertFalse(counter.send(runtime, ajax(), "{\"type\":\"render\"}").getJsonObject("c").getString("h")
                .contains("diff:grants"));
    }

    /** What the browser does with a broadcast from the event stream: an `event` request with its pass, no data. */
    private static String relayBroadcast(String name, String pass) {
        return Json.createObjectBuilder().add("type", "event").add("event", name).add("pass", pass).build().toString();
    }

    @Test
    void aBroadcastRelayedFromTheStreamRunsTheListenerWithTheDataSealedInItsPass() {
        BroadcastPasses passes = new BroadcastPasses(io.diffyne.config.DiffyneSettings.load(
                name -> java.util.Optional.ofNullable(RuntimeHarness.KEY.get(name))).signingKey(), java.time.Clock.systemUTC());
        JsonObject data = Json.createObjectBuilder().add("from", "z").build();
        ClientContext ann = new ClientContext("client-2", "ann", Channel.AJAX, null);
        ClientContext bob = new ClientContext("client-3", "bob", Channel.AJAX, null);
        Client annA = new Client(runtime.mount("test-listener", Map.of("room", "a"), ann).html());
        Client bobA = new Client(runtime.mount("test-listener", Map.of("room", "a"), bob).html());
        Client annB = new Client(runtime.mount("test-listener", Map.of("room", "b"), ann).html());
        String annsPass = passes.seal("room.a", "ping", data, "ann");

        JsonObject heard = annA.send(runtime, ann, relayBroadcast("ping", annsPass));
        assertTrue(heard.getBoolean("s"), heard.toString());
        assertEquals("z", annA.state().getString("heard"), "the listener ran with the broadcast's data");
        assertEquals(1, annA.state().getInt("pings"));

        // data sent beside the pass is not the broadcast's: the sealed data wins
        annA.send(runtime, ann, Json.createObjectBuilder(json(relayBroadcast("ping", annsPass)))
                .add("data", Json.createObjectBuilder().add("from", "forged")).build().toString());
        assertEquals("z", annA.state().getString("heard"));

        String refused = ErrorType.SECURITY_ERROR.wireName();
        assertEquals(refused, bobA.send(runtime, bob, relayBroadcast("ping", annsPass)).getString("type"),
                "ann's pass, stolen by bob");
        assertEquals(refused, annB.send(runtime, ann, relayBroadcast("ping", annsPass)).getString("type"),
                "a component on another channel");
        assertEquals(refused, annA.send(runtime, ann, relayBroadcast("ping", passes.seal("room.a", "wave", data, "ann")))
                .getString("type"), "a pass of another event does not open for this one");
        assertEquals(0, bobA.state().getInt("pings"));
        assertEquals(0, annB.state().getInt("pings"));
    }

    @Test
    void aListenerMarkedFromClientTakesTheBrowsersEventAsInput() {
        Client listener = new Client(runtime.mount("test-listener", Map.of(), ajax()).html());
        JsonObject waved = listener.send(runtime, ajax(), "{\"type\":\"event\",\"event\":\"wave\",\"data\":3}");
        assertTrue(waved.getBoolean("s"), waved.toString());
        assertEquals(3, listener.state().getInt("waves"));
        JsonObject wrong = listener.send(runtime, ajax(), "{\"type\":\"event\",\"event\":\"wave\",\"data\":\"many\"}");
        assertEquals(ErrorType.BAD_REQUEST.wireName(), wrong.getString("type"), wrong.toString());
        assertEquals(3, listener.state().getInt("waves"));
    }

    @Test
    void everyActionVersionsAndResignsTheState() {
        Client client = mount("counter");
        String firstSig = client.snapshot.getString("sig");
        client.send(runtime, ajax(), "{\"type\":\"call\",\"method\":\"decrement\"}");
        assertEquals(2, client.snapshot.getInt("version"));
        assertNotEquals(firstSig, client.snapshot.getString("sig"), "same state, new version, new signature");
    }

    @Test
    void broadcastsAreAnnouncedAndDeliveredToRegisteredListenersOnTheirChannel() {
        LiveComponents roomA = new LiveComponents(8);
        LiveComponents roomB = new LiveComponents(8);
        ClientContext alice = new ClientContext("alice", null, Channel.WEBSOCKET, roomA);
        ClientContext bob = new ClientContext("bob", null, Channel.WEBSOCKET, roomB);
        Client listenerA = new Client(runtime.mount("test-listener", Map.of("room", "a"), ajax()).html());
        Client listenerB = new Client(runtime.mount("test-listener", Map.of("room", "b"), ajax()).html());
        assertTrue(runtime.register(listenerA.snapshot, alice).success());
        assertTrue(runtime.register(listenerB.snapshot, bob).success());
        assertEquals(java.util.List.of(listenerA.id()), roomA.listening("room.a", "ping"));

        Client sender = new Client(runtime.mount("test-listener", Map.of("room", "a"), ajax()).html());
        sender.send(runtime, ajax(), "{\"type\":\"call\",\"method\":\"shout\"}");
        assertEquals(1, harness.broadcasts.size());
        BroadcastMessage message = harness.broadcasts.get(0);
        assertEquals("room.a", message.channel());
        assertEquals("{\"from\":\"a\"}", message.data().toString());

        java.util.List<ActionResult> toAlice = runtime.deliver(message, alice);
        assertEquals(1, toAlice.size());
        JsonObject push = json(toAlice.get(0).json());
        assertEquals("[{\"t\":\"t\",\"p\":[1,0],\"x\":\"1\"}]", patches(push).toString());
        assertFalse(toAlice.get(0).json().contains("\"from\""), "a push is patches and state, never the broadcast's "
                + "data: " + toAlice.get(0).json());
        listenerA.accept(push);
        assertEquals(1, listenerA.state().getInt("pings"));
        assertEquals(2, roomA.get(listenerA.id()).version(), "the connection holds the new version");
        assertTrue(runtime.deliver(message, bob).isEmpty(), "room b does not hear room a");
    }

    @Test
    void aPagesFirstActionMayNameItsMountedSnapshotAndLaterOnesTheHeldVersionWithoutSignature() {
        Client client = mount("counter");
        LiveComponents live = new LiveComponents(8);
        ClientContext socket = new ClientContext("ws", null, Channel.WEBSOCKET, live);
        String mounted = "{\"type\":\"call\",\"method\":\"increment\",\"requestId\":\"1\",\"ref\":{\"id\":\""
                + client.id() + "\",\"version\":1,\"sig\":\"" + client.snapshot.getString("sig") + "\"}}";
        JsonObject first = json(runtime.handle(RuntimeHarness.request(mounted), socket).json());
        assertTrue(first.getBoolean("s"), "the server still holds what it mounted: " + first);
        client.accept(first);
        String held = "{\"type\":\"call\",\"method\":\"increment\",\"requestId\":\"2\",\"ref\":{\"id\":\""
                + client.id() + "\",\"version\":2}}";
        JsonObject second = json(runtime.handle(RuntimeHarness.request(held), socket).json());
        assertTrue(second.getBoolean("s"), second.toString());
        assertEquals(3, second.getJsonObject("c").getInt("v"));
        // lost with its socket and retried over AJAX with the full snapshot: keyed alike, so the first answer again
        JsonObject retry = json(runtime.handle(RuntimeHarness.request(Json.createObjectBuilder()
                .add("type", "call").add("method", "increment").add("requestId", "2").add("snapshot", client.snapshot)
                .build().toString()), ajax()).json());
        assertEquals(second, retry, "a reference without signature is keyed by the held copy's signature");
        ClientContext stranger = new ClientContext("ws2", null, Channel.WEBSOCKET, new LiveComponents(8));
        assertEquals("snapshot_required", json(runtime.handle(RuntimeHarness.request(held), stranger).json())
                .getString("type"), "another connection holds no copy: nothing to name the signature");
    }

    @Test
    void anIssuedVersionDropsItsBasesTreeAndMountedSnapshotFromTheCache() {
        // a versions store whose records have expired (as an id's does after its TTL): only the cache decides
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
        DefaultDiffyneRuntime forgetful = new DefaultDiffyneRuntime(
                io.diffyne.runtime.meta.ComponentRegistry.of(io.diffyne.demo.Counter.class),
                new io.diffyne.runtime.meta.PlainComponentFactory(),
                io.diffyne.config.DiffyneSettings.load(name -> java.util.Optional.ofNullable(RuntimeHarness.KEY.get(name))),
                jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator(), b -> { },
                new LocalIssuedVersions(100, 1 << 20, 1, now::get));
        Client client = new Client(forgetful.mount("counter", Map.of(), ajax()).html());
        String byMount = "{\"type\":\"call\",\"method\":\"increment\",\"requestId\":\"1\",\"ref\":{\"id\":\""
                + client.id() + "\",\"version\":1,\"sig\":\"" + client.snapshot.getString("sig") + "\"}}";
        JsonObject first = json(forgetful.handle(RuntimeHarness.request(byMount),
                new ClientContext("ws", null, Channel.WEBSOCKET, new LiveComponents(8))).json());
        assertTrue(first.getBoolean("s"), first.toString());
        now.addAndGet(java.util.concurrent.TimeUnit.SECONDS.toNanos(1));
        JsonObject again = json(forgetful.handle(RuntimeHarness.request(byMount.replace("\"1\"", "\"2\"")),
                new ClientContext("ws2", null, Channel.WEBSOCKET, new LiveComponents(8))).json());
        assertEquals("snapshot_required", again.getString("type"),
                "version 2 was issued: the mount's entry is gone, not waiting for eviction: " + again);
        // over AJAX the old snapshot's tree is gone too: its replay renders its baseline again, and is still right
        JsonObject viaAjax = client.send(forgetful, ajax(), "{\"type\":\"call\",\"method\":\"increment\","
                + "\"requestId\":\"3\"}");
        assertTrue(viaAjax.getBoolean("s"), viaAjax.toString());
        assertEquals(1, client.state().getInt("count"));
        assertTrue(viaAjax.getJsonObject("c").getJsonArray("p").toString().contains("\"1\""), viaAjax.toString());
    }

    @Test
    void aMountedSnapshotIsNamedOnlyForItsUserAndWithItsSignature() {
        ClientContext ada = new ClientContext("page", "ada", Channel.AJAX, null);
        Client client = new Client(runtime.mount("counter", Map.of(), ada).html());
        String sig = client.snapshot.getString("sig");
        String asBob = "{\"type\":\"call\",\"method\":\"increment\",\"requestId\":\"1\",\"ref\":{\"id\":\""
                + client.id() + "\",\"version\":1,\"sig\":\"" + sig + "\"}}";
        ClientContext bob = new ClientContext("ws", "bob", Channel.WEBSOCKET, new LiveComponents(8));
        assertEquals("snapshot_required", json(runtime.handle(RuntimeHarness.request(asBob), bob).json())
                .getString("type"));
        String forged = asBob.replace(sig, "AAAAAAAAAAAAAAAAAAAAAA");
        ClientContext adaSocket = new ClientContext("ws", "ada", Channel.WEBSOCKET, new LiveComponents(8));
        assertEquals("snapshot_required", json(runtime.handle(RuntimeHarness.request(forged), adaSocket).json())
                .getString("type"));
        assertTrue(json(runtime.handle(RuntimeHarness.request(asBob), adaSocket).json()).getBoolean("s"));
    }

    @Test
    void registrationVerifiesTheSnapshot() {
        Client client = mount("counter");
        client.snapshot = Json.createObjectBuilder(client.snapshot).add("version", 99).build();
        ActionResult result = runtime.register(client.snapshot,
                new ClientContext("c", null, Channel.WEBSOCKET, new LiveComponents(4)));
        assertEquals(ErrorType.SECURITY_ERROR, result.error());
    }

    private static String ref(JsonObject snapshot) {
        return "{\"id\":\"" + snapshot.getString("id") + "\",\"version\":" + snapshot.getInt("version")
                + ",\"sig\":\"" + snapshot.getString("sig") + "\"}";
    }

    private ActionResult call(JsonObject snapshot, String requestId, ClientContext context) {
        return runtime.handle(RuntimeHarness.request("{\"type\":\"call\",\"method\":\"increment\",\"requestId\":\""
                + requestId + "\",\"snapshot\":" + snapshot + "}"), context);
    }

    private ActionResult callByRef(JsonObject snapshot, String requestId, ClientContext context) {
        return runtime.handle(RuntimeHarness.request("{\"type\":\"call\",\"method\":\"increment\",\"requestId\":\""
                + requestId + "\",\"ref\":" + ref(snapshot) + "}"), context);
    }

    private static ClientContext socket() {
        return new ClientContext("ws-1", null, Channel.WEBSOCKET, new LiveComponents(8));
    }

    @Test
    void aCallByReferenceRetriedOverAjaxWithTheFullSnapshotIsAnsweredFromTheFirstRun() {
        ClientContext ws = socket();
        Client client = mount("counter");
        assertTrue(runtime.register(client.snapshot, ws).success());
        ActionResult first = callByRef(client.snapshot, "r1", ws);
        assertTrue(first.success(), first.json());
        ActionResult retry = call(client.snapshot, "r1", ajax());
        assertSame(first, retry);
        client.accept(json(first.json()));
        client.send(runtime, ajax(), "{\"type\":\"call\",\"method\":\"increment\"}");
        assertEquals(2, client.state().getInt("count"), "the retry did not run the action again");
    }

    @Test
    void aRefusalIsNotRememberedAsTheAnswerToItsRetry() {
        Client client = mount("counter");
        // version 2 came over AJAX: no connection holds it, and it is not the mounted one
        client.send(runtime, ajax(), "{\"type\":\"call\",\"method\":\"increment\"}");
        ActionResult required = callByRef(client.snapshot, "r1", socket());
        assertEquals("{\"s\":false,\"error\":\"This connection does not hold that snapshot: send the full snapshot\","
                + "\"type\":\"snapshot_required\",\"requestId\":\"r1\"}", required.json());
        ActionResult resent = call(client.snapshot, "r1", socket());
        assertTrue(resent.success(), resent.json());

        client.accept(json(resent.json()));
        JsonObject forged = Json.createObjectBuilder(client.snapshot)
                .add("state", json("{\"count\":1000,\"step\":1}")).build();
        assertEquals(ErrorType.SECURITY_ERROR, call(forged, "r2", ajax()).error());
        ActionResult genuine = call(client.snapshot, "r2", ajax());
        assertTrue(genuine.success(), "a forged copy cannot spoil the genuine request's id: " + genuine.json());
    }

    @Test
    void anOlderSnapshotIsStaleButItsOwnRetryIsAnsweredFromTheFirstRun() {
        Client client = mount("counter");
        JsonObject v1 = client.snapshot;
        client.accept(json(call(v1, "r1", ajax()).json()));
        JsonObject v2 = client.snapshot;
        ActionResult toV3 = call(v2, "r2", ajax());
        client.accept(json(toV3.json()));

        ActionResult rollback = call(v2, "r9", ajax());
        assertEquals("{\"s\":false,\"error\":\"Version 2 of component 'counter' is stale: a newer version was issued. "
                + "Send the newest snapshot, or reload the page\",\"type\":\"stale_snapshot\",\"requestId\":\"r9\"}",
                rollback.json());
        assertEquals(409, rollback.httpStatus());
        assertEquals(ErrorType.STALE_SNAPSHOT, call(v1, "r10", ajax()).error());
        assertSame(toV3, call(v2, "r2", ajax()), "the retry of the action that issued version 3");
        ActionResult newest = call(client.snapshot, "r3", ajax());
        assertEquals(4, json(newest.json()).getJsonObject("c").getInt("v"), newest.json());
    }

    @Test
    void anActionThatIssuedNothingLeavesItsSnapshotCurrent() {
        Client client = mount("counter");
        JsonObject failed = client.send(runtime, ajax(), "{\"type\":\"call\",\"method\":\"nope\"}");
        assertEquals("method_error", failed.getString("type"));
        JsonObject rendered = client.send(runtime, ajax(), "{\"type\":\"render\"}");
        assertEquals(1, rendered.getJsonObject("c").getInt("v"), "a render issues no version");
        JsonObject acted = client.send(runtime, ajax(), "{\"type\":\"call\",\"method\":\"increment\"}");
        assertTrue(acted.getBoolean("s"), acted.toString());
    }

    @Test
    void aConnectionsCopyOfAnOlderVersionIsStaleToo() {
        ClientContext ws = socket();
        Client client = mount("counter");
        JsonObject v1 = client.snapshot;
        assertTrue(runtime.register(v1, ws).success());
        client.send(runtime, ajax(), "{\"type\":\"call\",\"method\":\"increment\"}");
        assertEquals(ErrorType.STALE_SNAPSHOT, callByRef(v1, "r1", ws).error(),
                "the socket still holds version 1, issued before version 2 went out over AJAX");
        ActionResult resumed = runtime.register(v1, socket());
        assertEquals(ErrorType.STALE_SNAPSHOT, resumed.error(), resumed.json());
    }

    @Test
    void aPushLostWithItsSocketLeavesTheSnapshotBeforeItUsable() {
        ClientContext alice = new ClientContext("alice", null, Channel.WEBSOCKET, new LiveComponents(8));
        Client listener = new Client(runtime.mount("test-listener", Map.of("room", "a"), ajax()).html());
        Client sender = new Client(runtime.mount("test-listener", Map.of("room", "a"), ajax()).html());
        listener.send(runtime, ajax(), "{\"type\":\"call\",\"method\":\"shout\"}");
        assertTrue(runtime.register(listener.snapshot, alice).success());
        sender.send(runtime, ajax(), "{\"type\":\"call\",\"method\":\"shout\"}");
        assertEquals(1, runtime.deliver(harness.broadcasts.get(1), alice).size(), "version 3, never received");

        ClientContext reconnected = new ClientContext("alice", null, Channel.WEBSOCKET, new LiveComponents(8));
        assertTrue(runtime.register(listener.snapshot, reconnected).success(), "the resume names version 2");
        JsonObject acted = listener.send(runtime, reconnected, "{\"type\":\"call\",\"method\":\"shout\"}");
        assertTrue(acted.getBoolean("s"), acted.toString());
    }

    /** A todo list of {@code items} items, as the update request's value. */
    private static String todos(int items) {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < items; i++) {
            list.append(i == 0 ? "" : ",").append("{\"id\":").append(i + 1)
                    .append(",\"text\":\"an item with some text in it, number ").append(i).append("\",\"completed\":false}");
        }
        return list.append("]").toString();
    }

    @Test
    void aResultOverTheStateLimitIsRefusedAndThePreviousSnapshotStaysValid() {
        RuntimeHarness limited = new RuntimeHarness(Map.of("DIFFYNE_WS_KEY", "test-key-0123456789abcdef",
                "DIFFYNE_MAX_STATE_SIZE", "4096"));
        Client client = new Client(limited.runtime.mount("todo-list", Map.of(), ajax()).html());
        JsonObject before = client.snapshot;
        JsonObject refused = client.send(limited.runtime, ajax(), "{\"type\":\"update\",\"requestId\":\"big\","
                + "\"property\":\"todos\",\"value\":" + todos(60) + "}");
        assertFalse(refused.getBoolean("s"));
        assertEquals("state_too_large", refused.getString("type"));
        assertEquals("big", refused.getString("requestId"));
        assertFalse(refused.containsKey("c"), "nothing to apply: " + refused);
        assertTrue(refused.getString("error").matches("The state of component 'todo-list' would be \\d+ bytes, over the"
                + " limit of 4096 \\(DIFFYNE_MAX_STATE_SIZE\\): the change was not kept, the previous snapshot stays"
                + " valid"), refused.getString("error"));
        assertEquals(413, ErrorType.STATE_TOO_LARGE.httpStatus());
        assertSame(before, client.snapshot);

        JsonObject fits = client.send(limited.runtime, ajax(), "{\"type\":\"update\",\"requestId\":\"small\","
                + "\"property\":\"todos\",\"value\":" + todos(20) + "}");
        assertTrue(fits.getBoolean("s"), fits.toString());
        assertEquals(2, client.snapshot.getInt("version"), "the refused version was never issued");
    }

    @Test
    void overWebSocketTheConnectionKeepsThePreviousVersionAfterARefusal() {
        RuntimeHarness limited = new RuntimeHarness(Map.of("DIFFYNE_WS_KEY", "test-key-0123456789abcdef",
                "DIFFYNE_MAX_STATE_SIZE", "4096"));
        ClientContext ws = socket();
        Client client = new Client(limited.runtime.mount("todo-list", Map.of(), ajax()).html());
        assertTrue(limited.runtime.register(client.snapshot, ws).success());
        ActionResult refused = limited.runtime.handle(RuntimeHarness.request("{\"type\":\"update\",\"requestId\":\"b\","
                + "\"property\":\"todos\",\"value\":" + todos(60) + ",\"ref\":" + ref(client.snapshot) + "}"), ws);
        assertEquals(ErrorType.STATE_TOO_LARGE, refused.error());
        assertEquals(1, ws.live().get(client.id()).version());
        ActionResult byRef = limited.runtime.handle(RuntimeHarness.request("{\"type\":\"update\",\"requestId\":\"s\","
                + "\"property\":\"newTodo\",\"value\":\"milk\",\"ref\":" + ref(client.snapshot) + "}"), ws);
        assertTrue(byRef.success(), byRef.json());
    }
}
