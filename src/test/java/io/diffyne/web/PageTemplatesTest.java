package io.diffyne.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.diffyne.config.DiffyneConfig;
import io.diffyne.config.DiffyneSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages follow the development loop as component templates do: a page edited in DIFFYNE_TEMPLATE_DIR shows at once. */
class PageTemplatesTest {

    @TempDir
    Path sources;

    private PageTemplates templates(boolean debug) {
        Map<String, String> env = Map.of(DiffyneSettings.WS_KEY, "test-key-0123456789abcdef",
                DiffyneSettings.TEMPLATE_DIR, sources.toString(), DiffyneSettings.DEBUG, Boolean.toString(debug));
        DiffyneSettings settings = DiffyneSettings.load(name -> Optional.ofNullable(env.get(name)));
        PageTemplates templates = new PageTemplates();
        templates.config = new DiffyneConfig() {
            @Override
            public DiffyneSettings settings() {
                return settings;
            }
        };
        templates.init();
        return templates;
    }

    private void write(String name, String text) throws Exception {
        Files.createDirectories(sources.resolve("pages"));
        Files.writeString(sources.resolve("pages").resolve(name + ".peb"), text);
    }

    private static String render(PageTemplates templates, String name) {
        return templates.render(name, Map.of("who", "<ada>"), null).orElse("(no page)");
    }

    @Test
    void withDebugAnEditedPageAndTheLayoutItExtendsShowOnTheNextRequest() throws Exception {
        write("frame", "<main>{% block content %}{% endblock %}</main>");
        write("hello", "{% extends \"frame\" %}{% block content %}hello {{ who }}{% endblock %}");
        PageTemplates templates = templates(true);
        assertEquals("<main>hello &lt;ada&gt;</main>", render(templates, "hello"));
        write("hello", "{% extends \"frame\" %}{% block content %}goodbye {{ who }}{% endblock %}");
        write("frame", "<section>{% block content %}{% endblock %}</section>");
        assertEquals("<section>goodbye &lt;ada&gt;</section>", render(templates, "hello"));
    }

    @Test
    void withoutDebugThePageIsReadOnce() throws Exception {
        write("hello", "hello");
        PageTemplates templates = templates(false);
        assertEquals("hello", render(templates, "hello"));
        write("hello", "edited");
        assertEquals("hello", render(templates, "hello"));
    }

    @Test
    void aPageInNeitherTheFolderNorTheClassPathIsNone() throws Exception {
        Files.createDirectories(sources.resolve("pages"));
        PageTemplates templates = templates(true);
        assertEquals("(no page)", render(templates, "no-such-page"));
    }
}
