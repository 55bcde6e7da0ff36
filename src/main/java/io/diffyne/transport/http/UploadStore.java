package io.diffyne.transport.http;

import static io.diffyne.state.JsonProviders.JSON;

import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;
import io.diffyne.runtime.UploadTarget;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Temporary storage for uploads, in one folder: {@code <id>} is 32 random base64url characters plus the extension of
 * the checked type ({@code Yq3…Xz.png}); the file's metadata sits beside it in {@code <32 chars>.meta}. Identifiers
 * are generated here and matched against a strict pattern before use, so no name from a client ever becomes a path.
 * Every byte stored is charged to {@link UploadQuota} while it arrives, and given back when the upload goes.
 */
final class UploadStore {

    /**
     * What a stored upload is. JSON (the {@code .meta} file): {@code {"name":"cat.png","type":"image/png","size":3121,
     * "componentId":"q3Xv9Tz0bA1c","property":"photo","principal":"ada","owner":"<hash of the uploader cookie>",
     * "client":"203.0.113.7","preview":"/app/_diffyne/preview?id=Yq3…Xz.png","created":1763761234000}}
     * ({@code principal} absent when anonymous, {@code preview} for types shown inline only).
     */
    record Upload(String id, String name, String type, long size, String componentId, String property,
                  String principal, String owner, String client, String preview, Instant created, Path file) {
    }

    /** Who stores an upload: the uploader cookie's hash ({@link UploaderCookie}) and the quota's client key. */
    record Uploader(String owner, String client) {
    }

    static final Pattern ID = Pattern.compile("([A-Za-z0-9_-]{32})\\.([a-z0-9]{1,5})");
    private static final Pattern FILENAME_FORBIDDEN = Pattern.compile("[/\\\\\\p{Cntrl}]");
    private static final Pattern META = Pattern.compile("([A-Za-z0-9_-]{32})\\.meta");
    private static final int MAX_NAME = 255;
    private static final int CHUNK = 16 * 1024;

    private final Path dir;
    private final long maxSize;
    private final List<String> types;
    private final UploadQuota quota;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    UploadStore(Path dir, long maxSize, List<String> types, UploadQuota quota, Clock clock) {
        this.dir = dir.toAbsolutePath().normalize();
        this.maxSize = maxSize;
        this.types = List.copyOf(types);
        this.quota = quota;
        this.clock = clock;
    }

    Path dir() {
        return dir;
    }

    long maxSize() {
        return maxSize;
    }

    UploadQuota quota() {
        return quota;
    }

    /**
     * Stores a file for {@code target}: 400 for a refused name, 415 for a type that is not allowed or content that is
     * not what it claims to be (a text file is read to its end), 413 when it grows past {@code DIFFYNE_UPLOAD_MAX_SIZE},
     * 429 ({@link UploadQuota.Full}) when it would pass a quota, each checked while the bytes arrive. Nothing is left
     * behind on failure, on disk or in the quota. {@code preview} makes the preview URL of an id, for inline types.
     */
    Upload store(InputStream content, String declaredType, String name, UploadTarget target, Uploader uploader,
                 Function<String, String> preview) throws IOException {
        String checkedName = checkName(name);
        String type = baseType(declaredType);
        if (!types.contains(type)) {
            throw new ProtocolException(ErrorType.UNSUPPORTED_MEDIA_TYPE, "Files of type '" + type
                    + "' are not accepted: allowed are " + String.join(", ", types) + " (DIFFYNE_UPLOAD_MIMES)");
        }
        UploadQuota.Reservation reservation = quota.reserve(uploader.client());
        String key = randomKey();
        Path partial = dir.resolve(key + ".part");
        boolean stored = false;
        try {
            Files.createDirectories(dir);
            long size = copy(content, partial, type, reservation);
            Instant created = clock.instant();
            String id = key + "." + MimeSniffer.extension(type);
            String previewUrl = MimeSniffer.INLINE.contains(type) ? preview.apply(id) : null;
            Upload upload = new Upload(id, checkedName, type, size, target.componentId(), target.property(),
                    target.principal(), uploader.owner(), uploader.client(), previewUrl, created, dir.resolve(id));
            Files.writeString(dir.resolve(key + ".meta"), meta(upload), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW);
            Files.move(partial, upload.file(), StandardCopyOption.ATOMIC_MOVE);
            reservation.commit(id, created);
            stored = true;
            return upload;
        } finally {
            if (!stored) {
                reservation.cancel();
                deleteQuietly(dir.resolve(key + ".meta"));
            }
            deleteQuietly(partial);
        }
    }

    /** Cleaning up after a failure must not hide it: what cannot be deleted now is left to the janitor. */
    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            FailureMapper.LOG.log(Level.FINE, "Could not delete " + file, e);
        }
    }

    /** Streams {@code content} to {@code partial}, checking size, quota and type as it goes; returns the size. */
    private long copy(InputStream content, Path partial, String type, UploadQuota.Reservation reservation)
            throws IOException {
        byte[] head = new byte[MimeSniffer.HEAD];
        int headLength = 0;
        TextSniffer text = MimeSniffer.isText(type) ? new TextSniffer() : null;
        long size = 0;
        try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW)) {
            byte[] buffer = new byte[CHUNK];
            int n;
            while ((n = content.read(buffer)) > 0) {
                size += n;
                if (size > maxSize) {
                    throw tooLarge(maxSize);
                }
                reservation.grow(size);
                if (text != null && !text.update(buffer, 0, n)) {
                    throw notDeclared(type); // no need to read the rest
                }
                if (headLength < head.length) {
                    int copy = Math.min(n, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, copy);
                    headLength += copy;
                }
                out.write(buffer, 0, n);
            }
        }
        if (!MimeSniffer.matches(type, MimeSniffer.magic(head, headLength), text != null && text.finish())) {
            throw notDeclared(type);
        }
        return size;
    }

    private static String meta(Upload upload) {
        JsonObjectBuilder meta = JSON.createObjectBuilder()
                .add("name", upload.name())
                .add("type", upload.type())
                .add("size", upload.size())
                .add("componentId", upload.componentId())
                .add("property", upload.property());
        if (upload.principal() != null) {
            meta.add("principal", upload.principal());
        }
        meta.add("owner", upload.owner()).add("client", upload.client());
        if (upload.preview() != null) {
            meta.add("preview", upload.preview());
        }
        return meta.add("created", upload.created().toEpochMilli()).build().toString();
    }

    /** The upload with this id, or empty for an unknown or malformed id (never a path outside the folder). */
    Optional<Upload> find(String id) {
        Matcher matcher = id == null ? null : ID.matcher(id);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        Path file = dir.resolve(id).normalize();
        if (!file.getParent().equals(dir) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Optional<JsonObject> meta = readMeta(matcher.group(1));
        try {
            return meta.filter(m -> MimeSniffer.extension(m.getString("type")).equals(matcher.group(2)))
                    .map(m -> upload(id, m, file)); // not the metadata file itself, nor a half-written upload
        } catch (RuntimeException e) {
            FailureMapper.LOG.log(Level.FINE, "Unusable upload metadata for " + id + " (the janitor deletes it)", e);
            return Optional.empty();
        }
    }

    private Optional<JsonObject> readMeta(String key) {
        Path metaFile = dir.resolve(key + ".meta");
        try (JsonReader reader = JSON.createReader(new StringReader(Files.readString(metaFile, StandardCharsets.UTF_8)))) {
            return Optional.of(reader.readObject());
        } catch (NoSuchFileException gone) {
            return Optional.empty(); // moved, deleted or expired meanwhile
        } catch (IOException | JsonException | IllegalStateException e) {
            FailureMapper.LOG.log(Level.FINE, "Unreadable upload metadata " + metaFile, e);
            return Optional.empty();
        }
    }

    private static Upload upload(String id, JsonObject meta, Path file) {
        return new Upload(id, meta.getString("name"), meta.getString("type"), meta.getJsonNumber("size").longValue(),
                meta.getString("componentId"), meta.getString("property"), meta.getString("principal", null),
                meta.getString("owner", ""), meta.getString("client", ""), meta.getString("preview", null),
                Instant.ofEpochMilli(meta.getJsonNumber("created").longValue()), file);
    }

    InputStream open(Upload upload) throws IOException {
        return Files.newInputStream(upload.file());
    }

    /** Moves the file to {@code target} (replacing a file there), then forgets the upload and gives its bytes back. */
    void moveTo(Upload upload, Path target) throws IOException {
        try {
            Files.move(upload.file(), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException otherDisk) {
            Files.move(upload.file(), target, StandardCopyOption.REPLACE_EXISTING);
        }
        delete(upload);
    }

    /** Removes an upload and its metadata and gives its bytes back; a failure is left to the janitor. */
    void delete(Upload upload) {
        deleteFiles(upload.id());
        quota.release(upload.id());
    }

    /** Deletes the file and metadata of upload {@code id}; returns how many files there were. */
    private int deleteFiles(String id) {
        int deleted = 0;
        try {
            deleted += Files.deleteIfExists(dir.resolve(id)) ? 1 : 0;
            deleted += Files.deleteIfExists(dir.resolve(id.substring(0, 32) + ".meta")) ? 1 : 0;
        } catch (IOException e) {
            FailureMapper.LOG.fine(() -> "Could not delete upload " + id + " from " + dir + ": " + e);
        }
        return deleted;
    }

    /**
     * Charges the uploads a previous run left in the folder, oldest first, so the quotas count them until they
     * expire; returns how many. Called once, before the first upload.
     */
    int recover() throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        List<Upload> found = new java.util.ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.meta")) {
            for (Path file : files) {
                Matcher key = META.matcher(file.getFileName().toString());
                Optional<JsonObject> meta = key.matches() ? readMeta(key.group(1)) : Optional.empty();
                try {
                    meta.map(m -> upload(key.group(1) + "." + MimeSniffer.extension(m.getString("type")), m, null))
                            .ifPresent(found::add);
                } catch (RuntimeException e) {
                    FailureMapper.LOG.log(Level.FINE, "Unusable upload metadata " + file + " (the janitor deletes it)", e);
                }
            }
        }
        found.sort(java.util.Comparator.comparing(Upload::created));
        found.forEach(u -> quota.recover(u.id(), u.client(), u.size(), u.created()));
        return found.size();
    }

    /**
     * The janitor: deletes every upload created more than {@code age} ago (giving its bytes back), then every other
     * file in the folder older than that (half-written parts, files of other instances sharing the folder); returns
     * how many files it deleted.
     */
    int purgeOlderThan(Duration age) throws IOException {
        Instant cutoff = clock.instant().minus(age);
        int deleted = 0;
        for (String id : quota.olderThan(cutoff)) {
            deleted += deleteFiles(id);
            quota.release(id);
        }
        if (!Files.isDirectory(dir)) {
            return deleted;
        }
        FileTime fileCutoff = FileTime.from(cutoff);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).compareTo(fileCutoff) < 0
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

    private static ProtocolException notDeclared(String type) {
        return new ProtocolException(ErrorType.UNSUPPORTED_MEDIA_TYPE,
                "The file's content is not " + type + " as declared");
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
        return (semicolon < 0 ? declared : declared.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private String randomKey() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
