package io.diffyne.template;

import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where Pebble reads templates: the class path ({@code <prefix>/<name><suffix>}), or first a source folder
 * ({@code DIFFYNE_TEMPLATE_DIR}, e.g. {@code src/main/resources}, holding the same {@code <prefix>/} layout) so that
 * a template edited there is what the next render reads — with the cache off ({@code DIFFYNE_DEBUG=true}).
 */
public final class TemplateLoaders {

    private TemplateLoaders() {
    }

    /**
     * @param prefix    class-path folder, e.g. {@code diffyne} or {@code pages} (empty: the root)
     * @param sourceDir a folder read before the class path, or null
     */
    public static Loader<?> of(ClassLoader classLoader, String prefix, String suffix, Path sourceDir) {
        ClasspathLoader classpath = new ClasspathLoader(classLoader);
        classpath.setPrefix(prefix.isEmpty() ? null : prefix);
        classpath.setSuffix(suffix);
        classpath.setCharset(StandardCharsets.UTF_8.name());
        if (sourceDir == null) {
            return classpath;
        }
        FileLoader files = new FileLoader();
        files.setPrefix(folder(sourceDir, prefix).toString());
        files.setSuffix(suffix);
        files.setCharset(StandardCharsets.UTF_8.name());
        return new DelegatingLoader(List.of(files, classpath));
    }

    /** Whether {@code sourceDir} (null: none) holds {@code resourcePath}, e.g. {@code diffyne/counter.peb}. */
    static boolean inSourceDir(Path sourceDir, String resourcePath) {
        return sourceDir != null && Files.isRegularFile(sourceDir.resolve(resourcePath));
    }

    private static Path folder(Path sourceDir, String prefix) {
        return prefix.isEmpty() ? sourceDir : sourceDir.resolve(prefix);
    }
}
