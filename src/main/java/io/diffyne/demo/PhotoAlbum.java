package io.diffyne.demo;

import io.diffyne.component.TemporaryUpload;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the demo keeps saved profile photos: a folder ({@code <java.io.tmpdir>/diffyne-demo-photos}), files named by
 * the album (never by the browser), at most {@link #KEEP} of them (the oldest go), served by {@link PhotoServlet}.
 */
@ApplicationScoped
public class PhotoAlbum {

    static final long MAX_SIZE = 2L * 1_048_576;
    static final int KEEP = 50;
    static final Map<String, String> EXTENSIONS = Map.of("image/png", "png", "image/jpeg", "jpg", "image/gif", "gif",
            "image/webp", "webp");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{22}\\.(png|jpg|gif|webp)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path folder = Path.of(System.getProperty("java.io.tmpdir"), "diffyne-demo-photos");

    @Inject
    ServletContext servletContext;

    /** Moves {@code photo} into the album under a new name, drops {@code previous} (may be null); returns the name. */
    String keep(TemporaryUpload photo, String previous) throws IOException {
        String extension = EXTENSIONS.get(photo.contentType());
        if (extension == null) {
            throw new IllegalArgumentException("not an image: " + photo.contentType()); // validation ran before
        }
        Files.createDirectories(folder);
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String name = Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "." + extension;
        photo.moveTo(folder.resolve(name));
        file(previous).ifPresent(PhotoAlbum::deleteQuietly);
        prune();
        return name;
    }

    /** The saved photo called {@code name}, if it is an album name and the file exists. */
    Optional<Path> file(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = folder.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    String url(String name) {
        return servletContext.getContextPath() + PhotoServlet.PATH + name;
    }

    private void prune() throws IOException {
        List<Path> photos = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            files.forEach(photos::add);
        }
        if (photos.size() <= KEEP) {
            return;
        }
        photos.sort(Comparator.comparing(PhotoAlbum::modified));
        photos.subList(0, photos.size() - KEEP).forEach(PhotoAlbum::deleteQuietly);
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException gone) {
            return 0;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the next prune tries again
        }
    }
}
