package io.diffyne.runtime.meta;

import io.diffyne.component.Component;
import io.diffyne.component.Computed;
import io.diffyne.component.DiffyneComponent;
import io.diffyne.component.Invokable;
import io.diffyne.component.Locked;
import io.diffyne.component.On;
import io.diffyne.component.QueryString;
import io.diffyne.component.State;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every deployment error: exact text, naming the class and the fix. */
class DefinitionErrorsTest {

    private static final String P = "io.diffyne.runtime.meta.DefinitionErrorsTest$";

    private static List<String> problems(Class<?>... classes) {
        return assertThrows(ComponentDefinitionException.class, () -> ComponentRegistry.of(classes)).problems();
    }

    static class NotAnnotated extends Component {
    }

    @DiffyneComponent("plain")
    static class NotAComponent {
    }

    @DiffyneComponent("abstract-one")
    abstract static class AbstractOne extends Component {
    }

    @DiffyneComponent("inner")
    class Inner extends Component {
    }

    @DiffyneComponent("Bad Name")
    static class BadName extends Component {
    }

    @DiffyneComponent(value = "ok", template = "../secret")
    static class BadTemplate extends Component {
    }

    @DiffyneComponent("twin")
    static class TwinA extends Component {
    }

    @DiffyneComponent("twin")
    static class TwinB extends Component {
    }

    @DiffyneComponent("actions")
    static class BadActions extends Component {
        @Invokable
        void hidden() {
        }

        @Invokable
        public static void shared() {
        }

        @Invokable
        public void save() {
        }

        @Invokable
        public void save(String s) {
        }

        @Invokable
        @Override
        public void hydrate() {
        }

        @Invokable
        @Override
        public void mount(Map<String, Object> params) {
        }
    }

    @DiffyneComponent("listeners")
    static class BadListeners extends Component {
        @On("two-args")
        void two(String a, String b) {
        }

        @On("static-one")
        static void stat() {
        }

        @On("has space")
        void spaced() {
        }

        @On(value = "mixed", fromClient = true)
        void fromBrowser() {
        }

        @On("mixed")
        void fromServer() {
        }
    }

    @DiffyneComponent("computed")
    static class BadComputed extends Component {
        public int total;

        @Computed
        public int withArg(int x) {
            return x;
        }

        @Computed
        public void nothing() {
        }

        @Computed
        public static int shared() {
            return 1;
        }

        @Computed("full name")
        public String fullName() {
            return "";
        }

        @Computed("total")
        public int sum() {
            return 1;
        }

        @Computed("errors")
        public int errs() {
            return 1;
        }

        @Computed("dup")
        public int a() {
            return 1;
        }

        @Computed("dup")
        public int b() {
            return 2;
        }
    }

    static class StateBase extends Component {
        public String name;
    }

    @DiffyneComponent("state")
    static class BadState extends StateBase {
        public String name;
        public final int constant = 1;
        @State final int fixed = 1;
        @State transient int passing;
        public String errors;
        @State static int counter;
        @Locked private long owner;
        @QueryString String hiddenQuery;
        @QueryString(as = "a b") public String spaced;
        @QueryString(as = "q") public String one;
        @QueryString(as = "q") public String two;
    }

    @Test
    void notAnnotated() {
        assertEquals(List.of(P + "NotAnnotated is not annotated @DiffyneComponent; add @DiffyneComponent(\"its-name\")"
                + " to register it"), problems(NotAnnotated.class));
    }

    @Test
    void notAComponent() {
        assertEquals(List.of(P + "NotAComponent is annotated @DiffyneComponent but does not extend"
                + " io.diffyne.component.Component; add `extends Component`"), problems(NotAComponent.class));
    }

    @Test
    void notInstantiable() {
        String tail = " is abstract, an interface or not a top-level/static class, so it cannot be instantiated; make"
                + " it a concrete (static) class or move @DiffyneComponent to a concrete subclass";
        assertEquals(List.of(P + "AbstractOne" + tail, P + "Inner" + tail), problems(AbstractOne.class, Inner.class));
    }

    @Test
    void badNameAndTemplate() {
        assertEquals(List.of(P + "BadName: component name 'Bad Name' is invalid; use lower-case letters and digits"
                + " joined by '-', '.' or '/' (at most 100 characters), e.g. @DiffyneComponent(\"user-form\")"),
                problems(BadName.class));
        assertEquals(List.of(P + "BadTemplate: template '../secret' is invalid; use letters, digits and '_' joined by"
                + " '-', '.' or '/', without the .peb suffix, e.g. @DiffyneComponent(value = \"user-form\", template"
                + " = \"forms/user\")"), problems(BadTemplate.class));
    }

    @Test
    void duplicateNames() {
        assertEquals(List.of("Component name 'twin' is used by both " + P + "TwinA and " + P + "TwinB; give one of"
                + " them another name in @DiffyneComponent"), problems(TwinA.class, TwinB.class));
    }

    @Test
    void invokableErrors() {
        assertEquals(List.of(
                P + "BadActions.hidden is @Invokable but not public; make it public (only public instance methods can"
                        + " be actions)",
                P + "BadActions.hydrate overrides a Component lifecycle hook and cannot be @Invokable (a client could"
                        + " call it); put the action in a method of its own",
                P + "BadActions.mount overrides a Component lifecycle hook and cannot be @Invokable (a client could"
                        + " call it); put the action in a method of its own",
                P + "BadActions has several @Invokable methods named 'save'; clients call actions by name, so give"
                        + " each a distinct name",
                P + "BadActions.shared is @Invokable but static; make it an instance method (actions run on the"
                        + " component instance)"),
                problems(BadActions.class));
    }

    @Test
    void listenerErrors() {
        assertEquals(List.of(
                P + "BadListeners listens to \"mixed\" with fromBrowser marked @On(fromClient = true) and fromServer"
                        + " not; the browser triggers an event for all of a component's listeners or none: mark both"
                        + " alike, or give one another event name",
                P + "BadListeners.spaced: @On event name 'has space' is invalid; use letters, digits and _ . : / - (at"
                        + " most 100 characters), e.g. @On(\"message-sent\")",
                P + "BadListeners.stat is @On(\"static-one\") but static; make it an instance method (listeners run on"
                        + " the component instance)",
                P + "BadListeners.two is @On(\"two-args\") but takes 2 parameters; a listener takes none or one (the"
                        + " event data): wrap the values in a Map or a record"),
                problems(BadListeners.class));
    }

    @Test
    void computedErrors() {
        assertEquals(List.of(
                P + "BadComputed has two @Computed values named 'dup' (a and b); rename one with"
                        + " @Computed(\"otherName\")",
                P + "BadComputed: 'errors' is reserved in templates (errors, component, _context); rename the"
                        + " @Computed value",
                P + "BadComputed.fullName: @Computed name 'full name' is not a template identifier; use letters,"
                        + " digits and '_', not starting with a digit, e.g. @Computed(\"fullName\")",
                P + "BadComputed.nothing is @Computed but returns void; a computed value is an instance method with"
                        + " no parameter that returns a value",
                P + "BadComputed.shared is @Computed but static; a computed value is an instance method with no"
                        + " parameter that returns a value",
                P + "BadComputed.sum: @Computed name 'total' is also a state field; rename one"
                        + " (@Computed(\"otherName\"))",
                P + "BadComputed.withArg is @Computed but takes parameters; a computed value is an instance method"
                        + " with no parameter that returns a value"),
                problems(BadComputed.class));
    }

    @Test
    void stateErrors() {
        assertEquals(List.of(
                P + "BadState.fixed is @State but final; state is written back into its fields on every request:"
                        + " remove `final`",
                P + "BadState.passing is @State but transient; a field cannot be both state and transient: remove"
                        + " one of them",
                P + "BadState.counter is @State but static; state belongs to an instance: remove `static` or @State",
                P + "BadState.owner is @Locked but not a state field; make it public or add @State (or remove"
                        + " @Locked)",
                P + "BadState.hiddenQuery is @QueryString but not a state field; make it public or add @State (or"
                        + " remove @QueryString)",
                P + "BadState declares state field 'name', which its superclass " + P + "StateBase already declares;"
                        + " rename one",
                P + "BadState: 'errors' is reserved in templates (errors, component, _context); rename the field",
                P + "BadState.spaced: @QueryString(as = 'a b') is not a usable parameter name; use letters, digits"
                        + " and _ . - e.g. @QueryString(as = \"q\")",
                P + "BadState: query parameter 'q' is bound by both one and two; give one a distinct"
                        + " @QueryString(as = \"...\")"),
                problems(BadState.class));
    }

    @Test
    void problemsOfSeveralClassesAreReportedTogether() {
        ComponentDefinitionException e = assertThrows(ComponentDefinitionException.class,
                () -> ComponentRegistry.of(NotAComponent.class, BadName.class));
        assertEquals(2, e.problems().size());
        assertEquals("2 Diffyne component problems:\n  - " + e.problems().get(0) + "\n  - " + e.problems().get(1),
                e.getMessage());
    }

    @Test
    void typeOfThrowsTheSameProblems() {
        ComponentDefinitionException e = assertThrows(ComponentDefinitionException.class,
                () -> ComponentType.of(NotAComponent.class));
        assertEquals(problems(NotAComponent.class), e.problems());
        assertEquals(e.problems().get(0), e.getMessage());
    }
}
