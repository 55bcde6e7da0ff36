package io.diffyne.runtime.meta;

/**
 * A state field that receives browser uploads: {@code TemporaryUpload photo} ({@code multiple} false) or
 * {@code List<TemporaryUpload> attachments} (true). Only such a property accepts {@code POST /_diffyne/upload}.
 */
public record UploadProperty(String name, boolean multiple) {
}
