package io.diffyne.transport.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The multipart body the JavaScript client posts to {@code _diffyne/upload}: {@code snapshot}, {@code property}, then
 * {@code file}; for tests of the resource and of the running WAR.
 */
public final class UploadForm {

    public static final String BOUNDARY = "----test-boundary-7d3";
    public static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    private UploadForm() {
    }

    /** The fields that are not null, in this order, then the file (when {@code filename} is not null). */
    public static byte[] of(String snapshot, String property, String filename, String type, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (snapshot != null) {
            field(out, "snapshot", snapshot);
        }
        if (property != null) {
            field(out, "property", property);
        }
        if (filename != null) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** One plain field and the closing boundary: a form that is only {@code name=value}. */
    public static byte[] field(String name, String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        field(out, name, value);
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, String name, String value) {
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
