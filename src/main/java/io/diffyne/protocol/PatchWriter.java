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

    /** {@code patches} as a JSON array in the compact form of protocol v3 (§5). */
    public static String toCompactJson(List<Patch> patches) {
        StringBuilder out = new StringBuilder();
        writeCompact(patches, out);
        return out.toString();
    }

    /**
     * Appends {@code patches} in the compact form of protocol v3: each patch an array, its type then its fields in a
     * fixed order ({@code ["t",[0,0],"3"]}, {@code ["a",[1],{"class":"on"},["hidden"]]}), and a created node that
     * is a copy of the sibling before it with a few strings changed sent as that copy ({@code ["k",[2,5],1,"6"]}),
     * whichever is shorter.
     */
    public static void writeCompact(List<Patch> patches, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < patches.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeCompact(patches.get(i), out);
        }
        out.append(']');
    }

    private static void writeCompact(Patch patch, StringBuilder out) {
        int start = out.length();
        out.append("[\"").append(patch.type()).append("\",");
        path(patch.path(), out);
        if (patch instanceof Patch.Create create) {
            out.append(',');
            NodeWriter.write(create.node(), out);
            out.append(']');
            List<Object> edits = CopyEdits.find(create.copyOf(), create.node());
            if (edits != null) {
                StringBuilder copy = new StringBuilder(64).append("[\"k\",");
                path(patch.path(), copy);
                for (Object edit : edits) {
                    copy.append(',');
                    if (edit instanceof Integer n) {
                        copy.append(n.intValue());
                    } else {
                        NodeWriter.writeString((String) edit, copy);
                    }
                }
                copy.append(']');
                if (copy.length() < out.length() - start) {
                    out.setLength(start);
                    out.append(copy);
                }
            }
            return;
        }
        if (patch instanceof Patch.Replace replace) {
            out.append(',');
            NodeWriter.write(replace.node(), out);
        } else if (patch instanceof Patch.Text text) {
            out.append(',');
            NodeWriter.writeString(text.text(), out);
        } else if (patch instanceof Patch.Attributes attributes) {
            out.append(',');
            NodeWriter.writeStringMap(attributes.set(), out);
            if (!attributes.remove().isEmpty()) {
                out.append(',');
                strings(attributes.remove(), out);
            }
        } else if (patch instanceof Patch.Move move) {
            out.append(',');
            moves(move, out);
        }
        out.append(']');
    }

    private static void path(List<Integer> path, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < path.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(path.get(i).intValue());
        }
        out.append(']');
    }

    private static void strings(List<String> values, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            NodeWriter.writeString(values.get(i), out);
        }
        out.append(']');
    }

    private static void moves(Patch.Move move, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < move.moves().size(); i++) {
            Patch.Move.Step step = move.moves().get(i);
            if (i > 0) {
                out.append(',');
            }
            out.append('[').append(step.from()).append(',').append(step.to()).append(']');
        }
        out.append(']');
    }

    /** Appends one patch as a JSON object. */
    public static void write(Patch patch, StringBuilder out) {
        out.append("{\"t\":\"").append(patch.type()).append("\",\"p\":");
        path(patch.path(), out);
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
                out.append(",\"r\":");
                strings(attributes.remove(), out);
            }
        } else if (patch instanceof Patch.Move move) {
            out.append(",\"m\":");
            moves(move, out);
        }
        out.append('}');
    }
}
