package io.diffyne.runtime;

import java.time.Instant;

/**
 * One stored upload as the runtime sees it: what the browser sent and whom it was stored for.
 *
 * @param id          {@code Yq3…Xz.png}: 32 random base64url characters and the extension of the checked type
 * @param name        the browser's file name, only ever shown
 * @param contentType the checked content type, {@code image/png}
 * @param size        bytes
 * @param componentId the component instance it was uploaded for (from a verified snapshot)
 * @param property    the upload property it was uploaded for
 * @param principal   the signed-in user who uploaded it, or null when anonymous
 * @param previewUrl  where the uploading browser may view it inline, or null for types not safe to show
 * @param created     when it was stored
 */
public record StoredUpload(String id, String name, String contentType, long size, String componentId,
                           String property, String principal, String previewUrl, Instant created) {
}
