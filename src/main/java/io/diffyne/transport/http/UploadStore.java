package io.diffyne.transport.http;

import static io.diffyne.state.JsonProviders.JSON;

import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Temporary storage for uploads, in one folder: {@code <id>} is 32 random base64url characters plus the extension of
 * the checked type ({@code Yq3…Xz.png}); the file's metadata sits beside it in {@code <32 chars>.meta}. Identifiers
 * are generated here and matched against a strict pattern before use, so no name from a client ever becomes a path.
 */
final class UploadStore {

    /** What a stored upload is. JSON (the {@code .meta} file): {@code {"name":"cat.png","type":"image/png","size":3121,
     * "componentId":"q3Xv9Tz0bA1c","property":"photo","created":1763761234000}} */
    record Upload(String id, String name, String type, long size, String componentId, String property, Instant created,
                  Path file) {
    }

    static final Pattern ID = Pattern.compile("([A-Za-z0-9_-]{32})\\.([a-z0-9]{1,5})");
    private static final Pattern FILENAME_FORBIDDEN = Pattern.compile("[/\\\\\\p{Cntrl}]");
    private static final int MAX_NAME = 255;

    private final Path dir;
    private final long maxSize;
    private final List<String> types;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    UploadStore(Path dir, long maxSize, List<String> types, Clock clock) {
        this.dir = dir.toAbsolutePath().normalize();
        this.maxSize = maxSize;
        this.types = List.copyOf(types);
        this.clock = clock;
    }

    Path dir() {
        return dir;
    }

    long maxSize() {
        return maxSize;
    }

    /**
     * Stores a file: 413 when it grows past the limit (checked while copying), 400 for a refused name, 415 for a type
     * that is not allowed or content that is not what it claims to be. Nothing is left behind on failure.
     */
    Upload store(InputStream content, String declaredType, String name, String componentId, String property)
            throws IOException {
        String checkedName = checkName(name);
        String type = baseType(declaredType);
        if (!types.contains(type)) {
            throw new ProtocolException(ErrorType.UNSUPPORTED_MEDIA_TYPE, "Files of type '" + type
                    + "' are not accepted: allowed are " + String.join(", ", types) + " (DIFFYNE_UPLOAD_MIMES)");
        }
        Files.createDirectories(dir);
        String key = randomKey();
        Path partial = dir.resolve(key + ".part");
        byte[] head = new byte[MimeSniffer.HEAD];
        int headLength = 0;
        long size = 0;
        try {
            try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW)) {
                byte[] buffer = new byte[16 * 1024];
                int n;
                while ((n = content.read(buffer)) > 0) {
                    size += n;
                    if (size > maxSize) {
                        throw tooLarge(maxSize);
                    }
                    if (headLength < head.length) {
                        int copy = Math.min(n, head.length - headLength);
                        System.arraycopy(buffer, 0, head, headLength, copy);
                        headLength += copy;
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (!MimeSniffer.matches(type, MimeSniffer.sniff(head, headLength))) {
                throw new ProtocolException(ErrorType.UNSUPPORTED_MEDIA_TYPE,
                        "The file's content is not " + type + " as declared");
            }
            Instant created = clock.instant();
            String id = key + "." + MimeSniffer.extension(type);
            String meta = JSON.createObjectBuilder()
                    .add("name", checkedName)
                    .add("type", type)
                    .add("size", size)
                    .add("componentId", componentId)
                    .add("property", property)
                    .add("created", created.toEpochMilli())
                    .build().toString();
            Files.writeString(dir.resolve(key + ".meta"), meta, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            Path file = dir.resolve(id);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return new Upload(id, checkedName, type, size, componentId, property, created, file);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** The upload with this id, or empty for an unknown or malformed id (never a path outside the folder). */
    Optional<Upload> find(String id) throws IOException {
        var matcher = id == null ? null : ID.matcher(id);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        Path file = dir.resolve(id).normalize();
        Path metaFile = dir.resolve(matcher.group(1) + ".meta").normalize();
        if (!file.getParent().equals(dir) || !Files.isRegularFile(file) || !Files.isRegularFile(metaFile)) {
            return Optional.empty();
        }
        JsonObject meta;
        try (JsonReader reader = JSON.createReader(new StringReader(Files.readString(metaFile, StandardCharsets.UTF_8)))) {
            meta = reader.readObject();
        }
        if (!MimeSniffer.extension(meta.getString("type")).equals(matcher.group(2))) {
            return Optional.empty(); // the metadata file itself, or a half-written upload
        }
        return Optional.of(new Upload(id, meta.getString("name"), meta.getString("type"),
                meta.getJsonNumber("size").longValue(), meta.getString("componentId"), meta.getString("property"),
                Instant.ofEpochMilli(meta.getJsonNumber("created").longValue()), file));
    }

    /** Removes an upload and its metadata; a failure is left to the janitor. */
    void delete(Upload upload) {
        try {
            Files.deleteIfExists(upload.file());
            Files.deleteIfExists(dir.resolve(upload.id().substring(0, 32) + ".meta"));
        } catch (IOException e) {
            FailureMapper.LOG.fine(() -> "Could not delete " + upload.file() + ": " + e);
        }
    }

    /** Deletes every file in the folder older than {@code age}; returns how many. */
    int purgeOlderThan(Duration age) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        FileTime cutoff = FileTime.from(clock.instant().minus(age));
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).compareTo(cutoff) < 0
                        && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    static ProtocolException tooLarge(long limit) {
        return new ProtocolException(ErrorType.PAYLOAD_TOO_LARGE,
                "The file is over the " + limit + "-byte limit (DIFFYNE_UPLOAD_MAX_SIZE)");
    }

    /** A client's file name is only ever shown back, but one that tries to name a path is refused outright. */
    static String checkName(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME || name.equals(".") || name.equals("..")
                || FILENAME_FORBIDDEN.matcher(name).find()) {
            throw new ProtocolException(ErrorType.BAD_REQUEST,
                    "Refused file name: it must be 1 to 255 characters without '/', '\\' or control characters");
        }
        return name;
    }

    static String baseType(String declared) {
        if (declared == null) {
            return "application/octet-stream";
        }
        int semicolon = declared.indexOf(';');
        return (semicolon < 0 ? declared : declared.substring(0, semicolon)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    private String randomKey() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
