package io.diffyne.protocol;

import io.diffyne.diff.Patch;
import io.diffyne.state.CanonicalJson;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.util.List;
import java.util.Map;

/**
 * Writes responses in the compact shape of docs/protocol.md §4, straight into a {@link StringBuilder}. Values that
 * are already JSON (state, delta, event data) are appended as their compact text.
 *
 * <pre>{"s":true,"c":{"i":"q3Xv9Tz0bA1c","p":[{"t":"t","p":[0,0],"x":"3"}],"sd":[["p","/count",3]],"v":4,"sig":"…"}}</pre>
 */
public final class ResponseWriter {

    private final StringBuilder out = new StringBuilder(256);
    private boolean componentOpen;

    private ResponseWriter() {
    }

    /** Starts a success response. */
    public static ResponseWriter success() {
        ResponseWriter w = new ResponseWriter();
        w.out.append("{\"s\":true");
        return w;
    }

    /** Starts a failure response: {@code {"s":false,"error":…,"type":…}}. */
    public static ResponseWriter failure(ErrorType type, String message) {
        ResponseWriter w = new ResponseWriter();
        w.out.append("{\"s\":false,\"error\":");
        string(message, w.out);
        w.out.append(",\"type\":");
        string(type.wireName(), w.out);
        return w;
    }

    /** The failure's field errors: {@code "errors":{"email":["must be a well-formed email address"]}}. */
    public ResponseWriter errors(Map<String, List<String>> errors) {
        out.append(",\"errors\":");
        errorMap(errors);
        return this;
    }

    /** Opens {@code "c":{"i":id,"p":[…]}}; the other component fields follow. */
    public ResponseWriter component(String id, List<Patch> patches) {
        return component(id, patches, false);
    }

    /** As {@link #component(String, List)}, the patches in the compact form of protocol v3 when {@code compact}. */
    public ResponseWriter component(String id, List<Patch> patches, boolean compact) {
        out.append(",\"c\":{\"i\":");
        string(id, out);
        out.append(",\"p\":");
        if (compact) {
            PatchWriter.writeCompact(patches, out);
        } else {
            PatchWriter.write(patches, out);
        }
        componentOpen = true;
        return this;
    }

    /**
     * As {@link #component(String, List, boolean)} with the patches already written ({@link PatchWriter}): a
     * broadcast's push repeats one render's patches for every receiver.
     */
    public ResponseWriter component(String id, String patchesJson) {
        out.append(",\"c\":{\"i\":");
        string(id, out);
        out.append(",\"p\":").append(patchesJson);
        componentOpen = true;
        return this;
    }

    /** As {@link #stateDelta(JsonArray)} with the delta already written in canonical form. */
    public ResponseWriter stateDelta(String deltaJson) {
        out.append(",\"sd\":").append(deltaJson);
        return this;
    }

    /** {@code "sd":[…]}: the compact JSON Patch from the previous state. */
    public ResponseWriter stateDelta(JsonArray delta) {
        out.append(",\"sd\":");
        CanonicalJson.write(delta, out);
        return this;
    }

    /** {@code "st":{…}}: the full state (mount, render). */
    public ResponseWriter fullState(JsonObject state) {
        out.append(",\"st\":");
        CanonicalJson.write(state, out);
        return this;
    }

    /** {@code "h":"<…>"}: the whole component HTML (render). */
    public ResponseWriter html(String html) {
        out.append(",\"h\":");
        string(html, out);
        return this;
    }

    /** {@code "v":n,"sig":"…"}. */
    public ResponseWriter version(long version, String sig) {
        out.append(",\"v\":").append(version).append(",\"sig\":");
        string(sig, out);
        return this;
    }

    /** {@code "e":{…}} inside the component part, only when non-empty. */
    public ResponseWriter componentErrors(Map<String, List<String>> errors) {
        if (!errors.isEmpty()) {
            out.append(",\"e\":");
            errorMap(errors);
        }
        return this;
    }

    /** {@code "q":{…}} inside the component part, only when non-empty. The values are JSON texts. */
    public ResponseWriter query(Map<String, String> queryJson) {
        if (!queryJson.isEmpty()) {
            out.append(",\"q\":{");
            boolean first = true;
            for (Map.Entry<String, String> e : queryJson.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(e.getKey(), out);
                out.append(':').append(e.getValue());
            }
            out.append('}');
        }
        return this;
    }

    /**
     * {@code "g":{"chat.general":"1763762400000.q3Xv…"}} inside the component part: the grants of the channels a
     * listening component is on now, sent when they changed ({@code {}}: it left them all).
     */
    public ResponseWriter grants(Map<String, String> grants) {
        out.append(",\"g\":").append(stringMap(grants));
        return this;
    }

    /** {@code {"name":"value",…}}: a JSON object of strings. */
    public static String stringMap(Map<String, String> values) {
        StringBuilder json = new StringBuilder(16 + values.size() * 64).append('{');
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            string(e.getKey(), json);
            json.append(':');
            string(e.getValue(), json);
        }
        return json.append('}').toString();
    }

    /** Appends a top-level key whose value is already a JSON text ({@code events}, {@code browserEvents}, …). */
    public ResponseWriter raw(String key, String json) {
        closeComponent();
        out.append(",\"").append(key).append("\":").append(json);
        return this;
    }

    /** Ends the response, echoing {@code requestId} when there is one. */
    public String finish(String requestId) {
        closeComponent();
        if (requestId != null) {
            out.append(",\"requestId\":");
            string(requestId, out);
        }
        return out.append('}').toString();
    }

    /** Appends {@code value} as a JSON string literal. */
    public static void string(String value, StringBuilder out) {
        io.diffyne.protocol.NodeWriter.writeString(value, out);
    }

    private void closeComponent() {
        if (componentOpen) {
            out.append('}');
            componentOpen = false;
        }
    }

    private void errorMap(Map<String, List<String>> errors) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, List<String>> e : errors.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(e.getKey(), out);
            out.append(":[");
            for (int i = 0; i < e.getValue().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(e.getValue().get(i), out);
            }
            out.append(']');
        }
        out.append('}');
    }
}
