package io.diffyne.component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * A file the browser uploaded for one property of this component, waiting in temporary storage until the component
 * moves or copies it somewhere permanent. Declare the property with this type (or {@code List<TemporaryUpload>} for
 * {@code <input type="file" multiple>}), bind the file field to it with {@code diff:model}, and use it from an action:
 *
 * <pre>{@code
 * @DiffyneComponent("profile-photo")
 * public class ProfilePhoto extends Component {
 *     @NotNull @FileType({"image/png", "image/jpeg"}) @FileSize(max = 2_097_152)
 *     public TemporaryUpload photo;                 // the state holds only the upload's id
 *
 *     @Invokable public void save() throws IOException {
 *         validate("photo");                         // Bean Validation: size, type, presence
 *         photo.moveTo(photos.resolve(getId() + ".png"));   // never a path built from photo.name()
 *         photo = null;
 *     }
 * }
 * }</pre>
 *
 * <p>The browser sends the file with the component's signed snapshot to {@code POST <ctx>/_diffyne/upload}, which
 * stores it for this component instance, this property and this client, then sets the property to the upload's id;
 * the runtime accepts only an id uploaded that way, so a client can never name someone else's file. Uploads expire
 * after 24 hours; one no longer held by any upload property of the component (replaced, set to {@code null}) is
 * deleted when the request that dropped it ends. A moved, deleted or expired upload reads back as {@code null} (or
 * is left out of the list) on the next request.
 *
 * <p>{@link #name()} and {@link #contentType()} come from the browser, the type checked against the file's content
 * for the types the server knows (see {@code DIFFYNE_UPLOAD_MIMES}); treat the name as text to show, never as a path.
 */
public interface TemporaryUpload {

    /** The upload's id, as the state holds it ({@code Yq3…Xz.png}): 32 random characters and an extension. */
    String id();

    /** The file name the browser sent ({@code cat.png}): at most 255 characters, without {@code / \} or controls. */
    String name();

    /** The content type, lower case without parameters ({@code image/png}), checked against the content. */
    String contentType();

    /** The size in bytes. */
    long size();

    /**
     * Where the uploading browser can show this file ({@code /ctx/_diffyne/preview?id=…}), or {@code null} for a type
     * that is not safe to show inline (anything but images and plain text). Only that browser gets it; others 404.
     */
    String previewUrl();

    /** The file's bytes; close the stream. Fails once the upload was moved, deleted or expired. */
    InputStream open() throws IOException;

    /** Copies the file's bytes to {@code out} (left open) and returns how many; the upload stays. */
    default long transferTo(OutputStream out) throws IOException {
        try (InputStream in = open()) {
            return in.transferTo(out);
        }
    }

    /**
     * Moves the file to {@code target} (a file path; its folder must exist; an existing file is replaced) and ends
     * the upload: its temporary storage and quota are released, and the property should be set to {@code null}.
     *
     * @return {@code target}
     * @throws IOException when the upload is gone (moved, expired) or the file cannot be moved there
     */
    Path moveTo(Path target) throws IOException;
}
