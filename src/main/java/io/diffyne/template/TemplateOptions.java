package io.diffyne.template;

import java.util.Locale;
import java.util.Objects;

/**
 * How the renderer finds and renders templates. Immutable; start from {@link #defaults()}:
 * <pre>{@code new TemplateRenderer(TemplateOptions.defaults().withCache(!debug).withMounter(pageApi::mount))}</pre>
 *
 * @param prefix          class-path folder of the templates ({@code diffyne})
 * @param suffix          file suffix ({@code .peb})
 * @param cache           keep compiled templates (turn off to see template edits without a restart)
 * @param classLoader     where to look; {@code null}: the thread's context class loader when the renderer is built
 * @param locale          locale for Pebble's number and date filters
 * @param maxRenderedSize upper bound of one render's output in characters ({@code -1}: none)
 * @param mounter         backs the {@code diffyne(name, params)} function; {@code null}: no such function
 * @param sourceDir       a folder read before the class path ({@code <sourceDir>/<prefix>/<name><suffix>}), or null
 */
public record TemplateOptions(String prefix, String suffix, boolean cache, ClassLoader classLoader, Locale locale,
                              int maxRenderedSize, ComponentMounter mounter, java.nio.file.Path sourceDir) {

    /** 4 MiB of HTML is far beyond a sane component and still cheap to hold. */
    public static final int DEFAULT_MAX_RENDERED_SIZE = 4 * 1024 * 1024;

    public TemplateOptions {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(suffix, "suffix");
        Objects.requireNonNull(locale, "locale");
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
    }

    /** {@code diffyne/*.peb}, cache on, {@link Locale#ROOT}, 4 MiB limit, no mounter. */
    public static TemplateOptions defaults() {
        return new TemplateOptions("diffyne", ".peb", true, null, Locale.ROOT, DEFAULT_MAX_RENDERED_SIZE, null, null);
    }

    public TemplateOptions withPrefix(String newPrefix) {
        return new TemplateOptions(newPrefix, suffix, cache, classLoader, locale, maxRenderedSize, mounter, sourceDir);
    }

    public TemplateOptions withSuffix(String newSuffix) {
        return new TemplateOptions(prefix, newSuffix, cache, classLoader, locale, maxRenderedSize, mounter, sourceDir);
    }

    public TemplateOptions withCache(boolean newCache) {
        return new TemplateOptions(prefix, suffix, newCache, classLoader, locale, maxRenderedSize, mounter, sourceDir);
    }

    public TemplateOptions withClassLoader(ClassLoader newClassLoader) {
        return new TemplateOptions(prefix, suffix, cache, newClassLoader, locale, maxRenderedSize, mounter, sourceDir);
    }

    public TemplateOptions withLocale(Locale newLocale) {
        return new TemplateOptions(prefix, suffix, cache, classLoader, newLocale, maxRenderedSize, mounter, sourceDir);
    }

    public TemplateOptions withMaxRenderedSize(int newMax) {
        return new TemplateOptions(prefix, suffix, cache, classLoader, locale, newMax, mounter, sourceDir);
    }

    public TemplateOptions withMounter(ComponentMounter newMounter) {
        return new TemplateOptions(prefix, suffix, cache, classLoader, locale, maxRenderedSize, newMounter, sourceDir);
    }

    public TemplateOptions withSourceDir(java.nio.file.Path newSourceDir) {
        return new TemplateOptions(prefix, suffix, cache, classLoader, locale, maxRenderedSize, mounter, newSourceDir);
    }

    /** The class-path resource a template name maps to: {@code counter} → {@code diffyne/counter.peb}. */
    public String resourcePath(String templateName) {
        return (prefix.isEmpty() ? "" : prefix + "/") + templateName + suffix;
    }
}
