package io.diffyne.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.diffyne.vdom.VElement;
import io.diffyne.vdom.VText;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Which components of one broadcast share a render: equal type, state, caller and shown tree, by content. */
class BroadcastDeliveryTest {

    private final BroadcastDelivery delivery = new BroadcastDelivery(
            new BroadcastMessage("chat.lobby", "message-sent", Json.createObjectBuilder().build(), null));
    private final List<String> made = new ArrayList<>();

    private static JsonObject state(String author) {
        return Json.createObjectBuilder().add("author", author)
                .add("messages", Json.createArrayBuilder().add("hi").add(2)).build();
    }

    private static VElement tree(String text) {
        return new VElement("div", List.of(new VElement("p", List.of(new VText(text)))));
    }

    private PushRender share(String component, JsonObject state, Object tree, String principal, Set<String> roles) {
        String name = "render " + made.size();
        Supplier<PushRender> render = () -> {
            made.add(name);
            return PushRender.failed(name, null);
        };
        return delivery.shared(component, state, tree, principal, roles, render);
    }

    @Test
    void equalStatesAndTreesShareOneRenderWhetherTheObjectsAreTheSameOrOnlyEqual() {
        JsonObject state = state("ada");
        VElement tree = tree("one");
        PushRender first = share("chat", state, tree, null, Set.of());

        assertSame(first, share("chat", state, tree, null, Set.of()));
        assertSame(first, share("chat", state("ada"), tree("one"), null, Set.of()));
        assertEquals(List.of("render 0"), made);
        assertEquals(1, delivery.renders());
    }

    @Test
    void anEqualStateShowingAnotherTreeIsAnotherRenderAndEachTreeKeepsItsOwn() {
        PushRender one = share("chat", state("ada"), tree("one"), null, Set.of());
        PushRender two = share("chat", state("ada"), tree("two"), null, Set.of());
        PushRender three = share("chat", state("ada"), tree("three"), null, Set.of());

        assertNotSame(one, two);
        assertNotSame(two, three);
        assertSame(one, share("chat", state("ada"), tree("one"), null, Set.of()));
        assertSame(two, share("chat", state("ada"), tree("two"), null, Set.of()));
        assertSame(three, share("chat", state("ada"), tree("three"), null, Set.of()));
        assertEquals(3, delivery.renders());
    }

    @Test
    void anotherStateTypeUserOrRoleIsAnotherRender() {
        VElement tree = tree("one");
        share("chat", state("ada"), tree, null, Set.of());
        share("chat", state("bob"), tree, null, Set.of());
        share("room", state("ada"), tree, null, Set.of());
        share("chat", state("ada"), tree, "ada", Set.of());
        share("chat", state("ada"), tree, "ada", Set.of("admin"));

        assertEquals(5, delivery.renders());
        assertEquals(5, made.size());
    }

    @Test
    void statesThatDifferOnlyDeepDownShareAnOutlineYetEachGetsItsOwnRenderAndEqualOnesShare() {
        VElement tree = tree("one");
        List<PushRender> firsts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            firsts.add(share("chat", deep(i), tree, null, Set.of()));
        }
        assertEquals(PushKey.outline(deep(0)), PushKey.outline(deep(49)), "one outline for all fifty");
        for (int i = 0; i < 50; i++) {
            assertSame(firsts.get(i), share("chat", deep(i), tree, null, Set.of()), "state " + i);
        }
        assertEquals(50, delivery.renders());
    }

    @Test
    void equalNumbersOfEitherKindShareAnOutlineAndARenderAndAnotherScaleIsAnotherState() {
        JsonObject asLong = Json.createObjectBuilder().add("n", 5).build();
        JsonObject asDecimal = Json.createObjectBuilder().add("n", new java.math.BigDecimal("5")).build();
        JsonObject scaled = Json.createObjectBuilder().add("n", new java.math.BigDecimal("5.0")).build();
        assertEquals(asLong, asDecimal);
        assertEquals(PushKey.outline(asLong), PushKey.outline(asDecimal));
        VElement tree = tree("one");

        PushRender first = share("counter", asLong, tree, null, Set.of());

        assertSame(first, share("counter", asDecimal, tree, null, Set.of()));
        assertNotSame(first, share("counter", scaled, tree, null, Set.of()));
        assertEquals(2, delivery.renders());
    }

    /** Equal at the top (an author, a list of two), different inside the list. */
    private static JsonObject deep(int i) {
        return Json.createObjectBuilder().add("author", "")
                .add("messages", Json.createArrayBuilder().add("hi").add(i)).build();
    }
}
