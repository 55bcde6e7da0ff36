package io.diffyne.diff;

import io.diffyne.vdom.VComment;
import io.diffyne.vdom.VElement;
import io.diffyne.vdom.VNode;
import io.diffyne.vdom.VText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Test-only generator of random trees and of random edits to them: keyed lists (inserts, deletes, shuffles,
 * reverses, single moves), mixed keyed/unkeyed siblings, nested changes, text/element/comment swaps, tag changes,
 * attribute churn, the odd duplicate key. Seeded, so a failing seed reproduces.
 */
final class RandomTrees {

    private static final String[] TAGS = {"div", "span", "ul", "li", "p", "b", "section"};
    private static final String[] ATTRIBUTES = {"class", "id", "title", "value", "checked", "data-x"};
    private static final String[] WORDS = {"a", "b", "milk", "x & y", "<tag>", "\"q\"", "\u00a0", "日本", "😀", "  pad "};

    private final Random random;
    private int nextKey;

    RandomTrees(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    VElement tree() {
        return element(0);
    }

    VElement element(int depth) {
        String tag = TAGS[random.nextInt(TAGS.length)];
        Map<String, String> attributes = attributes();
        List<VNode> children = new ArrayList<>();
        if (depth < 4) {
            int count = random.nextInt(depth == 0 ? 9 : 6);
            int mode = random.nextInt(3); // 0 unkeyed, 1 keyed, 2 mixed
            for (int i = 0; i < count; i++) {
                children.add(child(depth + 1, mode));
            }
        }
        return new VElement(tag, attributes, children);
    }

    private VNode child(int depth, int mode) {
        if (mode == 1 || (mode == 2 && random.nextBoolean())) {
            return keyed(element(depth));
        }
        return node(depth);
    }

    VNode node(int depth) {
        int kind = random.nextInt(10);
        if (kind < 5) {
            return element(depth);
        }
        if (kind < 9) {
            return new VText(text());
        }
        return new VComment(text());
    }

    private VElement keyed(VElement element) {
        Map<String, String> attributes = new LinkedHashMap<>(element.attributes());
        String key = random.nextInt(40) == 0 && nextKey > 0 ? "k" + random.nextInt(nextKey) : "k" + nextKey++;
        attributes.put(VNode.KEY_ATTRIBUTE, key);
        return new VElement(element.tag(), attributes, element.children());
    }

    private Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        int count = random.nextInt(3);
        for (int i = 0; i < count; i++) {
            attributes.put(ATTRIBUTES[random.nextInt(ATTRIBUTES.length)], random.nextInt(4) == 0 ? "" : text());
        }
        return attributes;
    }

    private String text() {
        return WORDS[random.nextInt(WORDS.length)] + (random.nextBoolean() ? "" : random.nextInt(5));
    }

    /** A variant of {@code node}: usually close to it, sometimes far. */
    VNode mutate(VNode node, int depth) {
        int roll = random.nextInt(100);
        if (roll < 35) {
            return node;
        }
        if (roll < 40) {
            return node(depth); // swap for anything: text/element/comment swaps
        }
        if (node instanceof VText text) {
            return roll < 70 ? new VText(text.text() + "!") : new VComment(text.text());
        }
        if (node instanceof VComment comment) {
            return roll < 70 ? new VComment(comment.text() + "?") : new VText(comment.text());
        }
        VElement element = (VElement) node;
        String tag = roll < 43 ? TAGS[random.nextInt(TAGS.length)] : element.tag();
        return new VElement(tag, mutateAttributes(element.attributes()), mutateChildren(element.children(), depth));
    }

    private Map<String, String> mutateAttributes(Map<String, String> attributes) {
        Map<String, String> result = new LinkedHashMap<>(attributes);
        if (random.nextInt(3) == 0) {
            for (Map.Entry<String, String> other : attributes().entrySet()) {
                result.put(other.getKey(), other.getValue());
            }
        }
        if (random.nextInt(3) == 0 && !result.isEmpty()) {
            List<String> names = new ArrayList<>(result.keySet());
            String name = names.get(random.nextInt(names.size()));
            if (!name.equals(VNode.KEY_ATTRIBUTE)) {
                result.remove(name);
            }
        }
        return result;
    }

    private List<VNode> mutateChildren(List<VNode> children, int depth) {
        List<VNode> result = new ArrayList<>();
        for (VNode child : children) {
            result.add(mutate(child, depth + 1));
        }
        boolean keyed = children.stream().anyMatch(child -> child.key() != null);
        int edits = random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            switch (random.nextInt(7)) {
                case 0 -> result.add(random.nextInt(result.size() + 1),
                        keyed && random.nextInt(4) > 0 ? keyed(element(depth + 1)) : node(depth + 1));
                case 1 -> {
                    if (!result.isEmpty()) {
                        result.remove(random.nextInt(result.size()));
                    }
                }
                case 2 -> Collections.shuffle(result, random);
                case 3 -> Collections.reverse(result);
                case 4 -> {
                    if (!result.isEmpty()) {
                        result.add(random.nextInt(result.size()), result.remove(random.nextInt(result.size())));
                    }
                }
                case 5 -> {
                    if (!result.isEmpty()) {
                        int at = random.nextInt(result.size());
                        result.set(at, mutate(result.get(at), depth + 1));
                    }
                }
                default -> {
                    // leave the list as it is
                }
            }
        }
        return result;
    }
}
