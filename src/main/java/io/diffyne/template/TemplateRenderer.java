package io.diffyne.template;

import io.diffyne.component.spi.Names;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders component templates with one shared, thread-safe Pebble engine: HTML auto-escaping on (so
 * {@code <script>} in state prints as {@code &lt;script&gt;}), undefined variables print nothing, compiled templates
 * cached (by default; off, an edited template is read again on the next render), UTF-8 files under {@code diffyne/} on
 * the class path, or first in {@link TemplateOptions#sourceDir()}.
 *
 * <pre>{@code
 * TemplateRenderer renderer = new TemplateRenderer(TemplateOptions.defaults());
 * String html = renderer.render(new TemplateView("counter", id, "counter", Map.of("count", 3), Map.of(), Map.of()));
 * }</pre>
 */
public final class TemplateRenderer {

    static final String MISSING =
            "No template for '%s': expected the class-path resource %s (in a Maven project:"
                    + " src/main/resources/%s); create it, or set @DiffyneComponent(template = \"...\")";
    static final String BAD_NAME = "Template name %s is not valid: use letters, digits and '_' joined by '-', '.' or '/'";
    static final String RESERVED = "State or computed value named '%s' hides the template variable of the same name";

    private final TemplateOptions options;
    private final ClassLoader classLoader;
    private final PebbleEngine engine;

    public TemplateRenderer(TemplateOptions options) {
        this.options = options;
        ClassLoader cl = options.classLoader() != null ? options.classLoader()
                : Thread.currentThread().getContextClassLoader();
        this.classLoader = cl != null ? cl : TemplateRenderer.class.getClassLoader();
        this.engine = new PebbleEngine.Builder()
                .loader(TemplateLoaders.of(classLoader, options.prefix(), options.suffix(), options.sourceDir()))
                .autoEscaping(true)
                .defaultEscapingStrategy("html")
                .strictVariables(false)
                .cacheActive(options.cache())
                .defaultLocale(options.locale())
                .maxRenderedSize(-1) // bounded by BoundedOutput instead
                .extension(new DiffyneFunctions(options.mounter()))
                .build();
    }

    public TemplateOptions options() {
        return options;
    }

    /** Whether the template exists in the source folder or on the class path (checked for every component at start-up). */
    public boolean exists(String templateName) {
        return Names.isTemplateName(templateName) && found(options.resourcePath(templateName));
    }

    private boolean found(String path) {
        return TemplateLoaders.inSourceDir(options.sourceDir(), path) || classLoader.getResource(path) != null;
    }

    /**
     * Renders {@code view} to a string.
     *
     * @throws TemplateException when the template is missing, invalid, or fails while rendering
     * @throws RuntimeException  a computed value's own exception, unchanged
     */
    public String render(TemplateView view) {
        BoundedOutput out = BoundedOutput.text(options.maxRenderedSize());
        evaluate(view, out);
        return out.toString();
    }

    /** Renders {@code view} into {@code out}. Same failures as {@link #render(TemplateView)}. */
    public void render(TemplateView view, Writer out) {
        evaluate(view, BoundedOutput.to(out, options.maxRenderedSize()));
    }

    private void evaluate(TemplateView view, BoundedOutput out) {
        String name = view.templateName();
        if (!Names.isTemplateName(name)) {
            throw new TemplateException(name, null, String.format(BAD_NAME, Names.quote(name)), null);
        }
        PebbleTemplate template = load(name);
        try {
            template.evaluate(out, scope(view));
        } catch (RenderScope.ComputedFailure e) {
            throw (RuntimeException) e.getCause();
        } catch (PebbleException e) {
            RenderScope.ComputedFailure computed = findComputedFailure(e);
            if (computed != null) {
                throw (RuntimeException) computed.getCause();
            }
            throwIfTooLarge(name, e);
            throw new TemplateException(name, e.getLineNumber(), options.resourcePath(name)
                    + (e.getLineNumber() == null ? "" : ", line " + e.getLineNumber()) + ": " + e.getPebbleMessage(), e);
        } catch (IOException e) {
            throwIfTooLarge(name, e);
            throw new UncheckedIOException(e);
        }
    }

    /** The output's limit, wherever in the causes Pebble put it, as a template failure. */
    private void throwIfTooLarge(String name, Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BoundedOutput.TooLarge tooLarge) {
                throw new TemplateException(name, null, options.resourcePath(name) + ": " + tooLarge.getMessage(),
                        tooLarge);
            }
        }
    }

    private PebbleTemplate load(String name) {
        try {
            return engine.getTemplate(name);
        } catch (LoaderException e) {
            String path = options.resourcePath(name);
            if (!found(path)) {
                throw new TemplateException(name, null, String.format(MISSING, name, path, path), e);
            }
            throw new TemplateException(name, null, path + ": " + e.getPebbleMessage(), e);
        } catch (PebbleException e) {
            throw new TemplateException(name, e.getLineNumber(), options.resourcePath(name)
                    + (e.getLineNumber() == null ? "" : ", line " + e.getLineNumber()) + ": " + e.getPebbleMessage(), e);
        }
    }

    private static Map<String, Object> scope(TemplateView view) {
        Map<String, Object> values = new HashMap<>(view.state());
        for (String reserved : new String[] {"errors", "component"}) {
            if (values.containsKey(reserved) || view.computed().containsKey(reserved)) {
                throw new IllegalArgumentException(String.format(RESERVED, reserved));
            }
        }
        values.put("errors", view.errors());
        values.put("component", new TemplateView.ComponentInfo(view.componentId(), view.componentName()));
        return new RenderScope(values, view.computed());
    }

    private static RenderScope.ComputedFailure findComputedFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RenderScope.ComputedFailure f) {
                return f;
            }
        }
        return null;
    }
}
