package io.diffyne.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.config.DiffyneSettings;
import io.diffyne.demo.Counter;
import io.diffyne.runtime.meta.ComponentRegistry;
import io.diffyne.runtime.meta.PlainComponentFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The development loop: with {@code DIFFYNE_TEMPLATE_DIR} naming a source folder, its templates win over the class
 * path's; with {@code DIFFYNE_DEBUG=true} an edit there shows on the next render, without it the first read stays.
 */
class TemplateReloadTest {

    @TempDir
    Path sources;

    private DefaultDiffyneRuntime runtime(boolean debug) {
        Map<String, String> env = new HashMap<>(RuntimeHarness.KEY);
        env.put(DiffyneSettings.TEMPLATE_DIR, sources.toString());
        env.put(DiffyneSettings.DEBUG, Boolean.toString(debug));
        return new DefaultDiffyneRuntime(ComponentRegistry.of(Counter.class), new PlainComponentFactory(),
                DiffyneSettings.load(name -> Optional.ofNullable(env.get(name))), null, m -> { });
    }

    private void write(String html) throws Exception {
        Files.createDirectories(sources.resolve("diffyne"));
        Files.writeString(sources.resolve("diffyne/counter.peb"), html);
    }

    private static String mount(DefaultDiffyneRuntime runtime) {
        return runtime.mount("counter", Map.of(), RuntimeHarness.ajax()).html();
    }

    @Test
    void withDebugAnEditedTemplateIsUsedOnTheNextRender() throws Exception {
        write("<div><p>first {{ count }}</p></div>");
        DefaultDiffyneRuntime runtime = runtime(true);
        assertTrue(mount(runtime).contains("<p>first 0</p>"), "the source folder's template, not the class path's");
        write("<div><p>edited {{ count }}</p></div>");
        assertTrue(mount(runtime).contains("<p>edited 0</p>"), mount(runtime));
    }

    @Test
    void withoutDebugTheFirstReadStays() throws Exception {
        write("<div><p>first {{ count }}</p></div>");
        DefaultDiffyneRuntime runtime = runtime(false);
        assertTrue(mount(runtime).contains("<p>first 0</p>"));
        write("<div><p>edited {{ count }}</p></div>");
        assertTrue(mount(runtime).contains("<p>first 0</p>"), "templates are cached without DIFFYNE_DEBUG");
    }

    @Test
    void aTemplateMissingFromTheSourceFolderComesFromTheClassPath() throws Exception {
        Files.createDirectories(sources.resolve("diffyne"));
        assertTrue(mount(runtime(true)).contains("<h2>Counter</h2>"), "the class path's counter.peb");
    }
}
