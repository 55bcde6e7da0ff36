package io.diffyne.runtime;

/**
 * What an upload is for, once {@link DiffyneRuntime#authorizeUpload} has checked it: a component instance (from a
 * verified snapshot) whose type declares {@code property} as an upload property, for this user.
 *
 * @param component   the component's registered name
 * @param componentId the instance id
 * @param property    the upload property
 * @param multiple    whether it holds several files ({@code List<TemporaryUpload>})
 * @param principal   the user the snapshot is signed for, or null when anonymous
 */
public record UploadTarget(String component, String componentId, String property, boolean multiple,
                           String principal) {
}
