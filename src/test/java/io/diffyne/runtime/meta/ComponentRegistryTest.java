package io.diffyne.runtime.meta;

import io.diffyne.state.StateField;
import io.diffyne.component.Component;
import io.diffyne.component.DiffyneComponent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComponentRegistryTest {

    @DiffyneComponent("counter")
    static class Counter extends Component {
        public int count;
    }

    @DiffyneComponent("admin/counter")
    static class AdminCounter extends Counter {
    }

    /** What an interceptor proxy looks like to the registry: an unregistered subclass. */
    static class ContainerSubclass extends AdminCounter {
    }

    private final ComponentRegistry registry = ComponentRegistry.of(Counter.class, AdminCounter.class);

    @Test
    void lookUpByName() {
        assertEquals(2, registry.size());
        assertSame(Counter.class, registry.get("counter").componentClass());
        assertSame(AdminCounter.class, registry.get("admin/counter").componentClass());
        assertEquals(List.of("admin/counter", "counter"), registry.types().stream().map(ComponentType::name).toList());
        assertTrue(registry.find("nope").isEmpty());
        assertTrue(registry.find(null).isEmpty());
    }

    @Test
    void unknownNamesAreTypedAndQuotedSafely() {
        UnknownComponentException e = assertThrows(UnknownComponentException.class, () -> registry.get("nope"));
        assertEquals("No Diffyne component is named 'nope'", e.getMessage());
        assertEquals("nope", e.name());
        e = assertThrows(UnknownComponentException.class, () -> registry.get("x\r\n" + "y".repeat(100)));
        assertEquals("No Diffyne component is named 'x??" + "y".repeat(61) + "…'", e.getMessage());
        assertThrows(UnknownComponentException.class, () -> registry.get(null));
    }

    @Test
    void typeOfFindsTheRegisteredClassOrItsNearestRegisteredSuperclass() {
        assertEquals("admin/counter", registry.typeOf(AdminCounter.class).orElseThrow().name());
        assertEquals("admin/counter", registry.typeOf(ContainerSubclass.class).orElseThrow().name());
        assertEquals("counter", registry.typeOf(Counter.class).orElseThrow().name());
        assertTrue(registry.typeOf(String.class).isEmpty());
    }

    @Test
    void aSubclassComponentHasItsOwnStateView() {
        assertEquals(List.of("count"), registry.get("admin/counter").stateFields().stream().map(StateField::name)
                .toList());
    }

    @Test
    void emptyAndRepeatedClasses() {
        assertEquals(0, ComponentRegistry.of(List.of()).size());
        assertEquals(1, ComponentRegistry.of(Counter.class, Counter.class).size());
    }
}
