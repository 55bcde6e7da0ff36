package io.diffyne.runtime.meta;

import io.diffyne.state.StateField;
import io.diffyne.component.Component;
import io.diffyne.component.Computed;
import io.diffyne.component.DiffyneComponent;
import io.diffyne.component.Invokable;
import io.diffyne.component.Lazy;
import io.diffyne.component.Locked;
import io.diffyne.component.On;
import io.diffyne.component.QueryString;
import io.diffyne.component.State;
import io.diffyne.component.Transport;
import io.diffyne.component.ValidationFailedException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComponentTypeTest {

    abstract static class Base extends Component {
        public String title = "Todos";

        @Invokable
        public void refresh() {
            log.add("base refresh");
        }

        @Invokable
        public void clear() {
            log.add("base clear");
        }

        @On("reloaded")
        void onReloaded() {
            log.add("base reloaded");
        }

        final transient List<String> log = new ArrayList<>();
    }

    @DiffyneComponent(value = "todo-list", template = "lists/todo", transport = Transport.AJAX)
    @Lazy(placeholder = "<div>…</div>")
    static class TodoList extends Base {
        public List<String> todos = new ArrayList<>();
        @Locked public long ownerId = 7;
        @QueryString(as = "q", history = false) public String search = "";
        @QueryString(keep = true) public int page = 1;
        @State String draft = "";
        public static int COUNTER = 0;
        public transient int cache;
        public final int version = 1;

        @Invokable
        public void add(String text, int times) {
            for (int i = 0; i < times; i++) {
                todos.add(text);
            }
        }

        @Invokable
        public int count() {
            return todos.size();
        }

        @Invokable
        public void tag(Map<String, List<Integer>> tags) {
        }

        @Invokable
        public void boom() throws IOException {
            throw new IOException("disk");
        }

        @Invokable
        public void invalid() {
            throw ValidationFailedException.of("x", "y");
        }

        // overrides without @Invokable: no longer callable
        @Override
        public void clear() {
        }

        public void notAnAction() {
        }

        @On("todo-added")
        @On("reloaded")
        public void onAdded(Map<String, Object> data) {
            log.add("added " + data);
        }

        @On("todo-added")
        private void alsoOnAdded() {
            log.add("also added");
        }

        @Computed
        public int getRemaining() {
            return todos.size();
        }

        @Computed
        boolean isEmpty() {
            return todos.isEmpty();
        }

        @Computed("heading")
        public String headingText() {
            return title + " (" + todos.size() + ")";
        }

        @Computed
        public String getURL() {
            return "/todos";
        }
    }

    @DiffyneComponent("counter")
    static class Counter extends Component {
        public int count;

        @Invokable
        public void increment() {
            count++;
        }
    }

    private final ComponentType type = ComponentType.of(TodoList.class);

    @Test
    void annotationMetadata() {
        assertEquals("todo-list", type.name());
        assertSame(TodoList.class, type.componentClass());
        assertEquals("lists/todo", type.templateName());
        assertEquals(Transport.AJAX, type.transport());
        assertTrue(type.lazy());
        assertEquals("<div>…</div>", type.lazyPlaceholder());

        ComponentType counter = ComponentType.of(Counter.class);
        assertEquals("counter", counter.templateName());
        assertEquals(Transport.DEFAULT, counter.transport());
        assertFalse(counter.lazy());
        assertNull(counter.lazyPlaceholder());
    }

    @Test
    void stateFieldsInOrderWithLockedFlag() {
        assertEquals("[title: java.lang.String, todos: java.util.List<java.lang.String>, ownerId: long @Locked,"
                + " search: java.lang.String, page: int, draft: java.lang.String]", type.stateFields().toString());
        assertTrue(type.stateField("ownerId").orElseThrow().locked());
        assertTrue(type.stateField("cache").isEmpty());
        assertTrue(type.stateField("version").isEmpty());
        assertTrue(type.stateField("COUNTER").isEmpty());
        assertTrue(type.stateField("log").isEmpty());
    }

    @Test
    void readAndWriteState() {
        TodoList t = new TodoList();
        t.todos.add("milk");
        StateField draft = type.stateField("draft").orElseThrow();
        draft.set(t, "eggs");
        assertEquals("eggs", t.draft);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("title", "Todos");
        expected.put("todos", List.of("milk"));
        expected.put("ownerId", 7L);
        expected.put("search", "");
        expected.put("page", 1);
        expected.put("draft", "eggs");
        assertEquals(expected, type.readState(t));
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(type.readState(t).keySet()));

        StateField page = type.stateField("page").orElseThrow();
        page.set(t, 3);
        assertEquals(3, t.page);
        var e = assertThrows(io.diffyne.state.StateException.class, () -> page.set(t, null));
        assertEquals("State field 'page' is primitive and cannot be null", e.getMessage());
        e = assertThrows(io.diffyne.state.StateException.class, () -> page.set(t, "3"));
        assertEquals("State field 'page' cannot hold a java.lang.String", e.getMessage());
    }

    @Test
    void invokablesAreTheAnnotatedPublicMostDerivedMethods() {
        assertEquals(Set.of("add", "boom", "count", "invalid", "refresh", "tag"), type.invokables().keySet());
        assertTrue(type.invokable("clear").isEmpty());
        assertTrue(type.invokable("notAnAction").isEmpty());
        assertTrue(type.invokable("mount").isEmpty());
        assertTrue(type.invokable("onAdded").isEmpty());
        assertEquals(List.of(String.class, int.class), type.invokable("add").orElseThrow().parameterTypes());
        Type tags = type.invokable("tag").orElseThrow().parameterTypes().get(0);
        assertInstanceOf(ParameterizedType.class, tags);
        assertEquals("java.util.Map<java.lang.String, java.util.List<java.lang.Integer>>", tags.getTypeName());
    }

    @Test
    void invokeRunsTheMethodWithArgumentsAndReturnsItsResult() {
        TodoList t = new TodoList();
        assertNull(type.invokable("add").orElseThrow().invoke(t, "milk", 2));
        assertEquals(List.of("milk", "milk"), t.todos);
        assertEquals(2, type.invokable("count").orElseThrow().invoke(t));
        type.invokable("refresh").orElseThrow().invoke(t);
        assertEquals(List.of("base refresh"), t.log);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> type.invokable("add").orElseThrow().invoke(t, "x"));
        assertEquals("add takes 2 parameter(s), 1 given", e.getMessage());
    }

    @Test
    void exceptionsFromActionsKeepTheirTypeOrAreWrappedWhenChecked() {
        TodoList t = new TodoList();
        ValidationFailedException v = assertThrows(ValidationFailedException.class,
                () -> type.invokable("invalid").orElseThrow().invoke(t));
        assertEquals(Map.of("x", List.of("y")), v.errors());
        InvocationFailedException e = assertThrows(InvocationFailedException.class,
                () -> type.invokable("boom").orElseThrow().invoke(t));
        assertEquals("TodoList.boom threw java.io.IOException", e.getMessage());
        assertEquals("disk", e.getCause().getMessage());
    }

    @Test
    void listenersByEventIncludingInheritedAndPrivate() {
        assertEquals(List.of("reloaded", "todo-added"), List.copyOf(type.listenedEvents()));
        TodoList t = new TodoList();
        for (ListenerMethod l : type.listeners("todo-added")) {
            l.invoke(t, Map.of("text", "milk"));
        }
        assertEquals(List.of("also added", "added {text=milk}"), t.log);
        assertEquals(2, type.listeners("reloaded").size());
        assertTrue(type.listeners("nobody-listens").isEmpty());
        assertEquals("[reloaded → TodoList.onAdded, reloaded → Base.onReloaded]", type.listeners("reloaded").toString());
        ListenerMethod withData = type.listeners("todo-added").get(1);
        assertEquals("java.util.Map<java.lang.String, java.lang.Object>",
                withData.parameterType().orElseThrow().getTypeName());
        assertTrue(type.listeners("todo-added").get(0).parameterType().isEmpty());
    }

    @Test
    void computedValuesByTemplateName() {
        assertEquals(List.of("URL", "empty", "heading", "remaining"), List.copyOf(type.computed().keySet()));
        TodoList t = new TodoList();
        t.todos.add("a");
        Map<String, java.util.function.Supplier<Object>> values = type.computedValues(t);
        assertEquals(1, values.get("remaining").get());
        assertEquals(false, values.get("empty").get());
        assertEquals("Todos (1)", values.get("heading").get());
        assertEquals("/todos", values.get("URL").get());
    }

    @Test
    void queryFieldsAndValues() {
        assertEquals(2, type.queryFields().size());
        QueryField q = type.queryFields().get(0);
        assertEquals("q", q.param());
        assertEquals("search", q.field().name());
        assertFalse(q.history());
        assertFalse(q.keep());
        QueryField page = type.queryFields().get(1);
        assertEquals("page", page.param());
        assertTrue(page.history());
        assertTrue(page.keep());

        TodoList t = new TodoList();
        assertEquals(Map.of("page", 1), type.queryValues(t));
        t.search = "milk";
        assertEquals(Map.of("q", "milk", "page", 1), type.queryValues(t));
    }

    @Test
    void plainInstancesUseTheNoArgumentConstructor() {
        Component c = type.newPlainInstance();
        assertInstanceOf(TodoList.class, c);
        assertEquals(7, ((TodoList) c).ownerId);
        try (ComponentInstance i = new PlainComponentFactory().create(ComponentType.of(Counter.class))) {
            assertInstanceOf(Counter.class, i.component());
        }
    }

    @DiffyneComponent("needs-args")
    static class NeedsArgs extends Component {
        NeedsArgs(String s) {
        }
    }

    @Test
    void noPlainInstanceWithoutANoArgumentConstructor() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ComponentType.of(NeedsArgs.class).newPlainInstance());
        assertEquals("io.diffyne.runtime.meta.ComponentTypeTest$NeedsArgs has no no-argument constructor, which"
                + " reset() needs to learn the fresh values; add one (it may be protected)", e.getMessage());
    }

    @Test
    void defaultComputedNames() {
        assertEquals("fullName", ComputedValue.defaultName("getFullName"));
        assertEquals("valid", ComputedValue.defaultName("isValid"));
        assertEquals("URL", ComputedValue.defaultName("getURL"));
        assertEquals("getaway", ComputedValue.defaultName("getaway"));
        assertEquals("get", ComputedValue.defaultName("get"));
        assertEquals("total", ComputedValue.defaultName("total"));
    }

    @Test
    void closingAnInstanceReleasesItOnce() {
        int[] released = {0};
        ComponentInstance i = new ComponentInstance(new Counter(), () -> released[0]++);
        i.close();
        i.close();
        assertEquals(1, released[0]);
    }
}
