package io.diffyne.component;

import io.diffyne.component.spi.ComponentAccess;
import io.diffyne.component.spi.Effects;
import io.diffyne.component.spi.StandardComponentContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComponentHelpersTest {

    static class Chat extends Component {
        public String room = "general";
        final List<String> calls = new ArrayList<>();

        @Override
        protected void mount(Map<String, Object> params) {
            calls.add("mount" + params);
            if (Boolean.TRUE.equals(params.get("ajax"))) {
                useTransport(Transport.AJAX);
            }
        }

        @Override
        protected void hydrate() {
            calls.add("hydrate");
        }

        @Override
        protected void updating(String property, Object value) {
            calls.add("updating " + property + "=" + value);
        }

        @Override
        protected void updated(String property) {
            calls.add("updated " + property);
        }

        @Override
        protected void rendering() {
            calls.add("rendering");
        }

        @Override
        protected void rendered() {
            calls.add("rendered");
        }

        void send() {
            dispatch("message-sent", Map.of("room", room));
            dispatch("typing-stopped");
            dispatchTo("chat-list", "refresh", 3);
            dispatchSelf("sent", null);
            dispatchBrowserEvent("play-sound", "ding");
            broadcast("chat." + room, "message-sent", Map.of("id", 7));
        }

        void tryTransportLater() {
            useTransport(Transport.WEBSOCKET);
        }

        void go(String url, boolean spa) {
            if (spa) {
                navigate(url);
            } else {
                redirect(url);
            }
        }

        void fire(String name) {
            dispatch(name, null);
        }

        void fireTo(String component) {
            dispatchTo(component, "x", null);
        }

        void cast(String channel) {
            broadcast(channel, "x", null);
        }

        Map<String, String> pageQuery() {
            return query();
        }
    }

    @Test
    void eventsAreRecordedInOrderWithTheirTargets() {
        Chat chat = new Chat();
        StandardComponentContext ctx = TestContexts.attach(chat, false);
        chat.send();
        Effects fx = ctx.effects();
        assertEquals(List.of(
                new Effects.Event("message-sent", Map.of("room", "general"), null, false),
                new Effects.Event("typing-stopped", null, null, false),
                new Effects.Event("refresh", 3, "chat-list", false),
                new Effects.Event("sent", null, null, true)), fx.events());
        assertEquals(List.of(new Effects.BrowserEvent("play-sound", "ding")), fx.browserEvents());
        assertEquals(List.of(new Effects.Broadcast("chat.general", "message-sent", Map.of("id", 7))), fx.broadcasts());
        assertTrue(fx.redirect().isEmpty());
        assertTrue(fx.transport().isEmpty());
    }

    @Test
    void badNamesAreRefusedWithTheRule() {
        Chat chat = new Chat();
        TestContexts.attach(chat, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> chat.fire("has space"));
        assertEquals("Event name 'has space' is not valid: use letters, digits and _ . : / - (at most 100"
                + " characters), e.g. 'message-sent'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> chat.fire(""));
        assertThrows(IllegalArgumentException.class, () -> chat.fire("x".repeat(101)));
        e = assertThrows(IllegalArgumentException.class, () -> chat.fireTo("Chat List"));
        assertEquals("dispatchTo('Chat List', …): not a component name; use the name given in @DiffyneComponent",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> chat.cast("a b"));
        assertEquals("broadcast('a b', …): a channel is letters, digits and _ . : / - (at most 100 characters)",
                e.getMessage());
    }

    @Test
    void redirectAndNavigateKeepTheLastAndRefuseForeignSchemes() {
        Chat chat = new Chat();
        StandardComponentContext ctx = TestContexts.attach(chat, false);
        chat.go("/posts?page=2", false);
        assertEquals(new Effects.Redirect("/posts?page=2", false), ctx.effects().redirect().orElseThrow());
        chat.go("https://example.org/a:b", true);
        assertEquals(new Effects.Redirect("https://example.org/a:b", true), ctx.effects().redirect().orElseThrow());
        chat.go("posts/1#c:2", false);
        assertEquals("posts/1#c:2", ctx.effects().redirect().orElseThrow().url());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> chat.go("javascript:alert(1)", false));
        assertEquals("Redirect URL 'javascript:alert(1)' has scheme 'javascript': only relative, http and https URLs"
                + " are allowed", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> chat.go("/a b", true));
        assertThrows(IllegalArgumentException.class, () -> chat.go("", true));
        assertThrows(IllegalArgumentException.class, () -> chat.go("/\n", true));
        assertEquals("posts/1#c:2", ctx.effects().redirect().orElseThrow().url());
    }

    @Test
    void transportCanBeChosenOnlyWhileMounting() {
        Chat chat = new Chat();
        StandardComponentContext mounting = TestContexts.attach(chat, true);
        ComponentAccess.mount(chat, Map.of("ajax", true));
        assertEquals(Transport.AJAX, mounting.effects().transport().orElseThrow());

        TestContexts.attach(chat, false);
        IllegalStateException e = assertThrows(IllegalStateException.class, chat::tryTransportLater);
        assertEquals("useTransport(WEBSOCKET) in Chat outside mount(): the transport is written into the markup at"
                + " mount; call it from mount()", e.getMessage());
    }

    @Test
    void identityConnectionAndQueryComeFromTheContext() {
        Chat chat = new Chat();
        ComponentAccess.attach(chat, StandardComponentContext.builder("abcdefghijkl", "chat")
                .webSocketConnected(true).mounting(true).query(Map.of("page", "3")).build());
        assertEquals("abcdefghijkl", chat.getId());
        assertTrue(chat.isWebSocketConnected());
        assertEquals(Map.of("page", "3"), chat.pageQuery());
        ComponentAccess.attach(chat, StandardComponentContext.builder("abcdefghijkl", "chat").build());
        assertFalse(chat.isWebSocketConnected());
        assertEquals(Map.of(), chat.pageQuery());
    }

    @Test
    void helpersWithoutAContextSayWhy() {
        Chat chat = new Chat();
        IllegalStateException e = assertThrows(IllegalStateException.class, chat::getId);
        assertEquals("No Diffyne request context is attached to io.diffyne.component.ComponentHelpersTest$Chat:"
                + " getId(), dispatch(), validate() and the other helpers work only while the runtime runs the"
                + " component (mount, hooks, actions, listeners, rendering), not in a constructor or @PostConstruct",
                e.getMessage());
        StandardComponentContext ctx = TestContexts.attach(chat, false);
        assertSame(ctx, ComponentAccess.context(chat));
        assertSame(ctx, ComponentAccess.detach(chat));
        assertNull(ComponentAccess.context(chat));
        assertThrows(IllegalStateException.class, chat::send);
    }

    @Test
    void hooksRunThroughComponentAccess() {
        Chat chat = new Chat();
        TestContexts.attach(chat, true);
        ComponentAccess.mount(chat, Map.of("room", "x"));
        ComponentAccess.mount(chat, null);
        ComponentAccess.hydrate(chat);
        ComponentAccess.updating(chat, "room", "y");
        ComponentAccess.updated(chat, "room");
        ComponentAccess.rendering(chat);
        ComponentAccess.rendered(chat);
        assertEquals(List.of("mount{room=x}", "mount{}", "hydrate", "updating room=y", "updated room", "rendering",
                "rendered"), chat.calls);
    }

    @Test
    void onlyComponentInstallsTheHooks() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ComponentAccess.install(null));
        assertEquals("ComponentAccess hooks are installed by Component only", e.getMessage());
    }
}
