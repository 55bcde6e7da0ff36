package io.diffyne.template;

import io.diffyne.component.Pagination;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateRendererTest {

    private final TemplateRenderer renderer = new TemplateRenderer(TemplateOptions.defaults());

    private static TemplateView view(String template, Map<String, Object> state) {
        return new TemplateView(template, "q3Xv9Tz0bA1c", "test", state, Map.of(), Map.of());
    }

    @Test
    void rendersStateByName() {
        assertEquals("<div><span>3</span><button diff:click=\"increment\">+</button></div>\n",
                renderer.render(view("tiny-counter", Map.of("count", 3))));
    }

    @Test
    void escapesStateInTextAndAttributes() {
        String html = renderer.render(view("message", Map.of("text", "<script>alert(\"x\")</script>&'")));
        assertEquals("<p title=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;\">"
                + "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>\n", html);
    }

    @Test
    void computedValuesAreComputedOnceAndOnlyWhenRead() {
        List<String> calls = new ArrayList<>();
        Map<String, Supplier<?>> computed = new HashMap<>();
        computed.put("remaining", () -> {
            calls.add("remaining");
            return 2;
        });
        computed.put("unused", () -> {
            calls.add("unused");
            return "never";
        });
        Map<String, Object> state = Map.of("todos", List.of("milk", "<eggs>", "tea"));
        String html = renderer.render(new TemplateView("todos", "q3Xv9Tz0bA1c", "todo-list", state, computed,
                Map.of("title", List.of("must not be <blank>", "second"))));
        assertEquals(List.of("remaining"), calls);
        assertEquals("""
                <section id="q3Xv9Tz0bA1c" data-name="todo-list">
                <h1>2 left of 3 (2)</h1>
                <li>milk</li><li>&lt;eggs&gt;</li><li>tea</li><span class="err">must not be &lt;blank&gt;</span><span class="err"></span>
                <ul><li>must not be &lt;blank&gt;</li><li>second</li></ul></section>
                """, html); // Pebble drops the newline after a tag; {{ missing }} prints nothing
    }

    @Test
    void withoutErrorsTheErrorFunctionPrintsNothing() {
        String html = renderer.render(new TemplateView("todos", "id", "todo-list", Map.of("todos", List.of()),
                Map.of("remaining", () -> 0), null));
        assertEquals("""
                <section id="id" data-name="todo-list">
                <h1>0 left of 0</h1>
                <span class="err"></span><span class="err"></span>
                </section>
                """, html);
    }

    @Test
    void recordsAreReadableByComponentName() {
        assertEquals("<nav>2/5 11-20 more=true</nav>\n",
                renderer.render(view("pages", Map.of("pages", new Pagination(2, 10, 45)))));
    }

    @Test
    void templateNamesWithFoldersAndUtf8() {
        assertEquals("<form>Grüße é</form>\n", renderer.render(view("forms/User_Form", Map.of("label", "Grüße"))));
        assertTrue(renderer.exists("forms/User_Form"));
        assertFalse(renderer.exists("forms/Nope"));
        assertFalse(renderer.exists("../diffyne/counter"));
    }

    @Test
    void aMissingTemplateNamesTheExpectedResource() {
        TemplateException e = assertThrows(TemplateException.class, () -> renderer.render(view("nope", Map.of())));
        assertEquals("No template for 'nope': expected the class-path resource diffyne/nope.peb (in a Maven project:"
                + " src/main/resources/diffyne/nope.peb); create it, or set @DiffyneComponent(template = \"...\")",
                e.getMessage());
        assertEquals("nope", e.templateName());
    }

    @Test
    void anInvalidTemplateNameIsRefusedBeforeLoading() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> renderer.render(view("../secret", Map.of())));
        assertEquals("Template name '../secret' is not valid: use letters, digits and '_' joined by '-', '.' or '/'",
                e.getMessage());
    }

    @Test
    void aSyntaxErrorNamesTheFileAndLine() {
        TemplateException e = assertThrows(TemplateException.class, () -> renderer.render(view("broken", Map.of())));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith("diffyne/broken.peb, line 2: "), e.getMessage());
    }

    @Test
    void aComputedValuesOwnExceptionArrivesUnchanged() {
        IllegalStateException boom = new IllegalStateException("database down");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> renderer.render(
                new TemplateView("failing", "id", "f", Map.of(), Map.of("boom", () -> {
                    throw boom;
                }), Map.of())));
        assertSame(boom, e);
    }

    @Test
    void outputIsBounded() {
        TemplateRenderer small = new TemplateRenderer(TemplateOptions.defaults().withMaxRenderedSize(10_000));
        TemplateException e = assertThrows(TemplateException.class, () -> small.render(view("big", Map.of())));
        assertEquals("diffyne/big.peb: renders more than 10000 characters, the limit of one render's output",
                e.getMessage());
    }

    @Test
    void reservedVariablesCannotBeShadowed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> renderer.render(view("tiny-counter", Map.of("errors", 1))));
        assertEquals("State or computed value named 'errors' hides the template variable of the same name",
                e.getMessage());
    }

    @Test
    void theMounterSeamEmbedsComponentsUnescaped() {
        List<String> mounted = new ArrayList<>();
        TemplateRenderer pages = new TemplateRenderer(TemplateOptions.defaults().withMounter((name, params) -> {
            mounted.add(name + params);
            return "<div diff:id=\"x\">" + name + "</div>";
        }));
        assertEquals("<main><div diff:id=\"x\">counter</div>|<div diff:id=\"x\">plain</div></main>\n",
                pages.render(view("page", Map.of())));
        assertEquals(List.of("counter{start=5}", "plain{}"), mounted);
    }

    @Test
    void withoutAMounterThereIsNoDiffyneFunction() {
        TemplateException e = assertThrows(TemplateException.class, () -> renderer.render(view("page", Map.of())));
        assertTrue(e.getMessage().contains("diffyne"), e.getMessage());
    }

    @Test
    void optionsMapNamesToResources() {
        assertEquals("diffyne/counter.peb", TemplateOptions.defaults().resourcePath("counter"));
        assertEquals("pages/home.html", TemplateOptions.defaults().withPrefix("pages/").withSuffix(".html")
                .resourcePath("home"));
        assertEquals("home.peb", TemplateOptions.defaults().withPrefix("").resourcePath("home"));
    }

    @Test
    void withoutCacheEveryRenderStillWorks() {
        TemplateRenderer uncached = new TemplateRenderer(TemplateOptions.defaults().withCache(false));
        assertEquals(uncached.render(view("tiny-counter", Map.of("count", 1))),
                uncached.render(view("tiny-counter", Map.of("count", 1))));
    }
}
