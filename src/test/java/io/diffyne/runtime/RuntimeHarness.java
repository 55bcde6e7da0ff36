package io.diffyne.runtime;

import io.diffyne.config.DiffyneSettings;
import io.diffyne.demo.ConfirmationModal;
import io.diffyne.demo.ContactForm;
import io.diffyne.demo.Counter;
import io.diffyne.demo.PageChangeLogger;
import io.diffyne.demo.PostList;
import io.diffyne.demo.TodoList;
import io.diffyne.protocol.ActionRequest;
import io.diffyne.protocol.RequestReader;
import io.diffyne.runtime.meta.ComponentRegistry;
import io.diffyne.runtime.meta.PlainComponentFactory;
import io.diffyne.state.StateDelta;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.Validation;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** A runtime wired without a container, and a minimal client that keeps snapshots the way the browser does. */
final class RuntimeHarness {

    static final Map<String, String> KEY = Map.of("DIFFYNE_WS_KEY", "test-key-0123456789abcdef");

    final List<BroadcastMessage> broadcasts = new ArrayList<>();
    final DefaultDiffyneRuntime runtime;

    RuntimeHarness() {
        this(KEY);
    }

    RuntimeHarness(Map<String, String> settings) {
        ComponentRegistry registry = ComponentRegistry.of(Counter.class, TodoList.class, ContactForm.class,
                PostList.class, ConfirmationModal.class, PageChangeLogger.class,
                io.diffyne.runtime.fixtures.Listener.class, io.diffyne.runtime.fixtures.IdListener.class);
        runtime = new DefaultDiffyneRuntime(registry, new PlainComponentFactory(),
                DiffyneSettings.load(name -> Optional.ofNullable(settings.get(name))),
                Validation.buildDefaultValidatorFactory().getValidator(), broadcasts::add);
    }

    static ClientContext ajax() {
        return new ClientContext("client-1", null, Channel.AJAX, null);
    }

    /** The browser's copy of one component: its snapshot, updated from every response's delta. */
    static final class Client {
        JsonObject snapshot;

        Client(String html) {
            Element root = Jsoup.parseBodyFragment(html).body().child(0);
            snapshot = json(root.attr("diff:snapshot"));
        }

        String id() {
            return snapshot.getString("id");
        }

        JsonObject state() {
            return snapshot.getJsonObject("state");
        }

        /** Sends an action built from {@code fields} plus this client's snapshot; applies a successful response. */
        JsonObject send(DiffyneRuntime runtime, ClientContext context, String fields) {
            JsonObject body = json(fields);
            JsonObjectBuilder request = Json.createObjectBuilder(body).add("snapshot", snapshot);
            ActionResult result = runtime.handle(RequestReader.read(request.build()), context);
            JsonObject response = json(result.json());
            accept(response);
            return response;
        }

        void accept(JsonObject response) {
            JsonObject c = response.getJsonObject("c");
            if (c == null || !c.containsKey("sd")) {
                return;
            }
            JsonObject state = StateDelta.apply(state(), c.getJsonArray("sd"));
            snapshot = Json.createObjectBuilder(snapshot).add("state", state).add("version", c.getJsonNumber("v"))
                    .add("sig", c.getString("sig")).build();
        }
    }

    static ActionRequest request(String json) {
        return RequestReader.read(json);
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    static JsonArray patches(JsonObject response) {
        return response.getJsonObject("c").getJsonArray("p");
    }
}
