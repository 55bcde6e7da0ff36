package io.diffyne.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** File work for the tests that start a server distribution of their own (WildFly, Tomcat) in a fresh base folder. */
final class ServerFolders {

    private ServerFolders() {
    }

    /** The value of a system property failsafe sets (pom.xml), which must name an existing folder or file. */
    static Path required(String property, boolean directory) {
        String value = System.getProperty(property);
        File file = value == null ? null : new File(value);
        if (file == null || (directory ? !file.isDirectory() : !file.isFile())) {
            throw new IllegalStateException("system property " + property + " must name an existing "
                    + (directory ? "folder" : "file") + " (set by failsafe in pom.xml), was " + value);
        }
        return file.toPath();
    }

    /** {@code from} and everything under it, copied to {@code to} (replacing files that exist). */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Removes {@code root} and everything under it, if it exists. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
