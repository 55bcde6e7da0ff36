package io.diffyne.testing.wire;

import io.diffyne.diff.Patch;

import io.diffyne.vdom.VComment;
import io.diffyne.vdom.VElement;
import io.diffyne.vdom.VNode;
import io.diffyne.vdom.VText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference applier (the test kit applies every response with it, and the differ's tests check against it): applies patches one after the other to a mutable copy of a tree, exactly as
 * protocol.md section 5 says a client must (live cursor, no sorting). It is strict: a path that does not resolve, an
 * index out of range, a text patch on an element, an attribute patch on a text all fail loudly, so a patch list that
 * only works by luck fails the test.
 */
public final class PatchApplier {

    private PatchApplier() {
    }

    /** The tree that {@code patches} make of {@code tree}. */
    public static VNode apply(List<Patch> patches, VNode tree) {
        Mutable root = Mutable.of(tree);
        for (int n = 0; n < patches.size(); n++) {
            Patch patch = patches.get(n);
            try {
                root = applyOne(patch, root);
            } catch (RuntimeException e) {
                throw new IllegalStateException("patch #" + n + " " + patch + " failed: " + e.getMessage(), e);
            }
        }
        return root.freeze();
    }

    private static Mutable applyOne(Patch patch, Mutable root) {
        List<Integer> path = patch.path();
        if (patch instanceof Patch.Replace replace) {
            if (path.isEmpty()) {
                return Mutable.of(replace.node());
            }
            Mutable parent = resolve(root, path.subList(0, path.size() - 1));
            int index = path.get(path.size() - 1);
            checkIndex(parent, index, parent.children.size() - 1);
            parent.children.set(index, Mutable.of(replace.node()));
        } else if (patch instanceof Patch.Create create) {
            Mutable parent = resolve(root, path.subList(0, path.size() - 1));
            int index = path.get(path.size() - 1);
            checkIndex(parent, index, parent.children.size());
            parent.children.add(index, Mutable.of(create.node()));
        } else if (patch instanceof Patch.Remove) {
            Mutable parent = resolve(root, path.subList(0, path.size() - 1));
            int index = path.get(path.size() - 1);
            checkIndex(parent, index, parent.children.size() - 1);
            parent.children.remove(index);
        } else if (patch instanceof Patch.Text text) {
            Mutable target = resolve(root, path);
            if (target.tag != null) {
                throw new IllegalStateException("text patch on element <" + target.tag + ">");
            }
            target.text = text.text();
        } else if (patch instanceof Patch.Attributes attributes) {
            Mutable target = resolve(root, path);
            if (target.tag == null) {
                throw new IllegalStateException("attribute patch on a text or comment");
            }
            if (attributes.set().isEmpty() && attributes.remove().isEmpty()) {
                throw new IllegalStateException("empty attribute patch");
            }
            for (String name : attributes.remove()) {
                if (target.attributes.remove(name) == null) {
                    throw new IllegalStateException("removing absent attribute " + name);
                }
            }
            target.attributes.putAll(attributes.set());
        } else if (patch instanceof Patch.Move move) {
            Mutable parent = resolve(root, path);
            if (move.moves().isEmpty()) {
                throw new IllegalStateException("empty move patch");
            }
            for (Patch.Move.Step step : move.moves()) {
                checkIndex(parent, step.from(), parent.children.size() - 1);
                checkIndex(parent, step.to(), parent.children.size() - 1);
                parent.children.add(step.to(), parent.children.remove(step.from()));
            }
        }
        return root;
    }

    private static void checkIndex(Mutable parent, int index, int max) {
        if (parent.tag == null) {
            throw new IllegalStateException("a text or comment has no children");
        }
        if (index < 0 || index > max) {
            throw new IllegalStateException("index " + index + " out of 0.." + max + " in <" + parent.tag + ">");
        }
    }

    private static Mutable resolve(Mutable root, List<Integer> path) {
        Mutable node = root;
        for (int index : path) {
            checkIndex(node, index, node.children.size() - 1);
            node = node.children.get(index);
        }
        return node;
    }

    /** A mutable node: {@code tag == null} for text and comments ({@code comment} tells which). */
    private static final class Mutable {
        String tag;
        boolean comment;
        String text;
        Map<String, String> attributes;
        List<Mutable> children;

        static Mutable of(VNode node) {
            Mutable copy = new Mutable();
            if (node instanceof VElement element) {
                copy.tag = element.tag();
                copy.attributes = new LinkedHashMap<>(element.attributes());
                copy.children = new ArrayList<>();
                for (VNode child : element.children()) {
                    copy.children.add(of(child));
                }
            } else if (node instanceof VText text) {
                copy.text = text.text();
            } else {
                copy.comment = true;
                copy.text = ((VComment) node).text();
            }
            return copy;
        }

        VNode freeze() {
            if (tag == null) {
                return comment ? new VComment(text) : new VText(text);
            }
            List<VNode> frozen = new ArrayList<>(children.size());
            for (Mutable child : children) {
                frozen.add(child.freeze());
            }
            return new VElement(tag, attributes, frozen);
        }
    }
}
