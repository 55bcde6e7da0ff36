package io.diffyne.demo;

import io.diffyne.component.Component;
import io.diffyne.component.Computed;
import io.diffyne.component.DiffyneComponent;
import io.diffyne.component.FileSize;
import io.diffyne.component.FileType;
import io.diffyne.component.Invokable;
import io.diffyne.component.Locked;
import io.diffyne.component.TemporaryUpload;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;

import java.io.IOException;

/**
 * File upload: choosing an image uploads it at once (with a progress bar: {@code diffyne:upload-progress}, drawn by
 * the demo's own script) into temporary storage and shows a preview; Save validates it (Bean Validation on the
 * {@link TemporaryUpload}) and moves it into the {@link PhotoAlbum}, which serves it from then on.
 */
@DiffyneComponent("profile-photo")
public class ProfilePhoto extends Component {

    @Inject
    PhotoAlbum album;

    @NotNull(message = "Choose a photo first")
    @FileType(value = {"image/png", "image/jpeg", "image/gif", "image/webp"},
            message = "Choose a PNG, JPEG, GIF or WebP image")
    @FileSize(max = PhotoAlbum.MAX_SIZE, message = "A profile photo is at most 2 MB")
    public TemporaryUpload photo;

    /** The album's name for the saved photo: set by the server only. */
    @Locked
    public String saved;

    @Invokable
    public void save() throws IOException {
        validate("photo");
        saved = album.keep(photo, saved);
        photo = null;
    }

    @Invokable
    public void discard() {
        photo = null; // no longer held: the runtime deletes the temporary file
    }

    @Computed
    public String savedUrl() {
        return saved == null ? null : album.url(saved);
    }
}
