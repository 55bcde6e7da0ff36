package io.diffyne.web;

import io.diffyne.config.DiffyneConfig;
import io.diffyne.template.TemplateLoaders;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pebble pages under {@code pages/} on the class path (or first in {@code DIFFYNE_TEMPLATE_DIR}), with two functions:
 * {@code {{ diffyne('counter', {'step': 2}) | raw }}} mounts a component, {@code {{ diffyneScripts() | raw }}} writes the
 * client bootstrap. Escaping is on; the functions' output is trusted HTML and is marked so with {@code raw}.
 */
@ApplicationScoped
public class PageTemplates {

    static final String PAGE_VARIABLE = "__diffynePage";

    private PebbleEngine engine;

    @Inject
    DiffyneConfig config;

    @PostConstruct
    void init() {
        var settings = config.settings();
        engine = new PebbleEngine.Builder()
                .loader(TemplateLoaders.of(PageTemplates.class.getClassLoader(), "pages", ".peb",
                        settings.templateDir().orElse(null)))
                .autoEscaping(true)
                .strictVariables(false)
                // DIFFYNE_DEBUG: a page edited in DIFFYNE_TEMPLATE_DIR is read again on the next request
                .cacheActive(!settings.debug())
                .extension(new DiffyneFunctions())
                .build();
    }

    /** Renders page {@code name}, or empty when there is no such page. */
    public Optional<String> render(String name, Map<String, Object> variables, DiffynePage page) {
        PebbleTemplate template;
        try {
            template = engine.getTemplate(name);
        } catch (LoaderException e) {
            return Optional.empty();
        }
        Map<String, Object> context = new HashMap<>(variables);
        context.put(PAGE_VARIABLE, page);
        StringWriter out = new StringWriter(4096);
        try {
            template.evaluate(out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(out.toString());
    }

    /** The {@code diffyne} and {@code diffyneScripts} functions, bound to the page being rendered. */
    private static final class DiffyneFunctions extends AbstractExtension {
        @Override
        public Map<String, Function> getFunctions() {
            return Map.of("diffyne", io.diffyne.template.DiffyneFunctions.mountFunction(PageTemplates::page),
                    "diffyneScripts", new ScriptsFunction());
        }
    }

    private static DiffynePage page(EvaluationContext context) {
        return (DiffynePage) context.getVariable(PAGE_VARIABLE);
    }

    private static final class ScriptsFunction implements Function {
        @Override
        public List<String> getArgumentNames() {
            return List.of();
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            return page(context).scripts();
        }
    }
}
