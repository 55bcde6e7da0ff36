package io.diffyne.diff;

import io.diffyne.vdom.VNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One DOM change. A patch list is applied in order, each patch on the tree as the previous ones left it; a path is
 * the child indices from the component root ({@code []} is the root) at that moment. Wire forms (protocol.md
 * section 5, written by {@code io.diffyne.protocol.PatchWriter}):
 *
 * <pre>{@code
 * {"t":"c","p":[1,3],"n":{"t":"li","c":[{"x":"Eggs"}]}}   Create: insert before child 3 of [1] (or append)
 * {"t":"r","p":[1,0]}                                      Remove
 * {"t":"R","p":[],"n":{"t":"section"}}                     Replace
 * {"t":"t","p":[0,0],"x":"3"}                              Text (of a text or comment node)
 * {"t":"a","p":[2],"s":{"class":"on"},"r":["disabled"]}    Attributes: set, remove
 * {"t":"o","p":[1],"m":[[4,0],[2,3]]}                      Move: children of [1], each pair in order
 * }</pre>
 */
public sealed interface Patch permits Patch.Create, Patch.Remove, Patch.Replace, Patch.Text, Patch.Attributes,
        Patch.Move {

    /** The node the patch addresses; for {@link Move}, the parent whose children move. */
    List<Integer> path();

    /** The wire code in the {@code t} field. */
    String type();

    /**
     * Inserts {@code node} into the parent at {@code path[0..-1]}, before its child {@code path[-1]}.
     *
     * @param copyOf the parent's child at index {@code max(path[-1] - 1, 0)} just before this insertion, as the
     *               client shows it then (null when the parent has no child): protocol v3 may send the new node as a
     *               copy of it with edits ({@code io.diffyne.protocol.CopyEdits}). It is a fact about the tree the
     *               patch applies to, not part of what the patch does, so it takes no part in {@code equals}.
     */
    record Create(List<Integer> path, VNode node, VNode copyOf) implements Patch {
        public Create {
            path = List.copyOf(path);
            Objects.requireNonNull(node, "node");
            if (path.isEmpty()) {
                throw new IllegalArgumentException("create needs a parent: its path cannot be []");
            }
        }

        /** A create without a known sibling to copy. */
        public Create(List<Integer> path, VNode node) {
            this(path, node, null);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Create c && path.equals(c.path) && node.equals(c.node);
        }

        @Override
        public int hashCode() {
            return 31 * path.hashCode() + node.hashCode();
        }

        @Override
        public String toString() {
            return "Create[path=" + path + ", node=" + node + "]";
        }

        @Override
        public String type() {
            return "c";
        }
    }

    /** Removes the node at {@code path}. */
    record Remove(List<Integer> path) implements Patch {
        public Remove {
            path = List.copyOf(path);
            if (path.isEmpty()) {
                throw new IllegalArgumentException("the root cannot be removed, only replaced");
            }
        }

        @Override
        public String type() {
            return "r";
        }
    }

    /** Replaces the node at {@code path} with {@code node}; at {@code []} the client keeps its framework attributes. */
    record Replace(List<Integer> path, VNode node) implements Patch {
        public Replace {
            path = List.copyOf(path);
            Objects.requireNonNull(node, "node");
        }

        @Override
        public String type() {
            return "R";
        }
    }

    /** Sets the data of the text or comment node at {@code path}. */
    record Text(List<Integer> path, String text) implements Patch {
        public Text {
            path = List.copyOf(path);
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String type() {
            return "t";
        }
    }

    /**
     * Sets and removes attributes of the element at {@code path}; {@code value}, {@code checked} and
     * {@code selected} are also applied as DOM properties by the client.
     */
    record Attributes(List<Integer> path, Map<String, String> set, List<String> remove) implements Patch {
        public Attributes {
            path = List.copyOf(path);
            set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
            remove = List.copyOf(remove);
        }

        @Override
        public String type() {
            return "a";
        }
    }

    /** Moves children of the element at {@code parentPath}: for each step in order, child {@code from} is taken out
     *  and put back so that it ends at index {@code to}. */
    record Move(List<Integer> parentPath, List<Step> moves) implements Patch {
        public Move {
            parentPath = List.copyOf(parentPath);
            moves = List.copyOf(moves);
        }

        @Override
        public List<Integer> path() {
            return parentPath;
        }

        @Override
        public String type() {
            return "o";
        }

        /** One move: {@code [from, to]} on the wire. */
        public record Step(int from, int to) {
        }
    }
}
