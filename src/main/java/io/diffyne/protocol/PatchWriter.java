package io.diffyne.protocol;

import io.diffyne.diff.Patch;
import java.util.List;

/**
 * Writes patch lists as the compact JSON of protocol.md section 5, by hand:
 *
 * <pre>{@code
 * [{"t":"t","p":[0,0],"x":"3"},{"t":"a","p":[1],"s":{"class":"on"},"r":["hidden"]},
 *  {"t":"o","p":[2],"m":[[4,0]]},{"t":"c","p":[2,5],"n":{"t":"li","c":[{"x":"Eggs"}]}},{"t":"r","p":[3]}]
 * }</pre>
 * In an {@code a} patch, {@code s} and {@code r} are omitted when empty.
 */
public final class PatchWriter {

    private PatchWriter() {
    }

    /** {@code patches} as a JSON array. */
    public static String toJson(List<Patch> patches) {
        StringBuilder out = new StringBuilder();
        write(patches, out);
        return out.toString();
    }

    /** Appends {@code patches} as a JSON array. */
    public static void write(List<Patch> patches, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < patches.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(patches.get(i), out);
        }
        out.append(']');
    }

    /** Appends one patch as a JSON object. */
    public static void write(Patch patch, StringBuilder out) {
        out.append("{\"t\":\"").append(patch.type()).append("\",\"p\":[");
        List<Integer> path = patch.path();
        for (int i = 0; i < path.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(path.get(i).intValue());
        }
        out.append(']');
        if (patch instanceof Patch.Create create) {
            out.append(",\"n\":");
            NodeWriter.write(create.node(), out);
        } else if (patch instanceof Patch.Replace replace) {
            out.append(",\"n\":");
            NodeWriter.write(replace.node(), out);
        } else if (patch instanceof Patch.Text text) {
            out.append(",\"x\":");
            NodeWriter.writeString(text.text(), out);
        } else if (patch instanceof Patch.Attributes attributes) {
            if (!attributes.set().isEmpty()) {
                out.append(",\"s\":");
                NodeWriter.writeStringMap(attributes.set(), out);
            }
            if (!attributes.remove().isEmpty()) {
                out.append(",\"r\":[");
                for (int i = 0; i < attributes.remove().size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    NodeWriter.writeString(attributes.remove().get(i), out);
                }
                out.append(']');
            }
        } else if (patch instanceof Patch.Move move) {
            out.append(",\"m\":[");
            for (int i = 0; i < move.moves().size(); i++) {
                Patch.Move.Step step = move.moves().get(i);
                if (i > 0) {
                    out.append(',');
                }
                out.append('[').append(step.from()).append(',').append(step.to()).append(']');
            }
            out.append(']');
        }
        out.append('}');
    }
}
