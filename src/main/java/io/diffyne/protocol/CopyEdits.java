package io.diffyne.protocol;

import io.diffyne.vdom.VComment;
import io.diffyne.vdom.VElement;
import io.diffyne.vdom.VNode;
import io.diffyne.vdom.VText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A created node as a copy of a sibling the client already shows, with edits (protocol v3, docs/protocol.md §5,
 * the {@code k} patch). A node's <em>slots</em> are its strings in document order: for an element, its attribute
 * values by attribute name (sorted by UTF-16 code units), then its children's slots; for a text or comment, its data.
 * An edit is a pair, applied in order to every slot of the copy:
 * <ul>
 *   <li>{@code n, "v"} (a slot index): the slot's value now, when not empty, is replaced by {@code v} wherever it
 *       occurs in any slot (a renamed key renames the ids derived from it); an empty one is set to {@code v}
 *       alone;</li>
 *   <li>{@code "a", "b"} (two strings, {@code a} not empty): every occurrence of {@code a} in any slot is replaced by
 *       {@code b}, left to right, as {@link String#replace(CharSequence, CharSequence)} does.</li>
 * </ul>
 * Only a copy of the same shape (kinds, tags, attribute names, child counts) can be edited into the target; a
 * subtree holding a {@code template} (its content is not in the DOM's children) or a nested component's root (an
 * element with {@code diff:id}, whose DOM the nested component patches itself) is never copied. The edits are found
 * greedily and then checked by applying them: {@link #find} answers only edits that yield the target exactly.
 */
public final class CopyEdits {

    /** Subtrees with more slots than this are sent whole: the search is linear in slots per edit tried. */
    static final int MAX_SLOTS = 512;
    private static final int MAX_EDITS = 12;
    private static final int CANDIDATES_PER_ROUND = 8;

    private CopyEdits() {
    }

    /**
     * Edits that turn a copy of {@code source} into {@code target}: alternating slot index ({@link Integer}) or
     * string, then the new string; null when {@code source} cannot be copied into {@code target}.
     */
    public static List<Object> find(VNode source, VNode target) {
        if (source == null || !sameShape(source, target)) {
            return null;
        }
        List<String> from = slots(source);
        List<String> want = slots(target);
        if (from.size() > MAX_SLOTS) {
            return null;
        }
        String[] now = from.toArray(new String[0]);
        String[] goal = want.toArray(new String[0]);
        List<Object> edits = new ArrayList<>();
        for (int round = 0; round < MAX_EDITS; round++) {
            int residual = residual(now, goal);
            if (residual == 0) {
                break;
            }
            Object[] best = null;
            int bestScore = Integer.MAX_VALUE;
            int tried = 0;
            for (int i = 0; i < now.length && tried < CANDIDATES_PER_ROUND; i++) {
                if (now[i].equals(goal[i])) {
                    continue;
                }
                tried++;
                for (Object[] edit : candidates(i, now[i], goal[i])) {
                    String[] next = now.clone();
                    apply(next, edit[0], (String) edit[1]);
                    int score = cost(edit) + residual(next, goal);
                    if (score < bestScore) {
                        bestScore = score;
                        best = edit;
                    }
                }
            }
            if (best == null || bestScore > residual) {
                return null;
            }
            apply(now, best[0], (String) best[1]);
            edits.add(best[0]);
            edits.add(best[1]);
        }
        return Arrays.equals(now, goal) && Arrays.equals(edited(from, edits), goal) ? edits : null;
    }

    /** {@code source} copied and edited (for readers of the v3 form; the client does the same on the DOM). */
    public static VNode apply(VNode source, List<Object> edits) {
        String[] values = edited(slots(source), edits);
        int[] next = {0};
        return rebuild(source, values, next);
    }

    private static String[] edited(List<String> slots, List<Object> edits) {
        String[] values = slots.toArray(new String[0]);
        for (int e = 0; e + 1 < edits.size(); e += 2) {
            apply(values, edits.get(e), (String) edits.get(e + 1));
        }
        return values;
    }

    private static void apply(String[] values, Object what, String value) {
        String old = what instanceof Integer n ? values[n] : (String) what;
        if (old.isEmpty() && !(what instanceof Integer)) {
            throw new IllegalArgumentException("a replaced string cannot be empty");
        }
        if (old.isEmpty()) {
            values[(Integer) what] = value;
            return;
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = values[i].replace(old, value);
        }
    }

    /** Renaming slot {@code i}'s value, or replacing the word-bounded part where it differs from {@code goal}. */
    private static List<Object[]> candidates(int i, String now, String goal) {
        List<Object[]> out = new ArrayList<>(2);
        out.add(new Object[] {i, goal});
        int prefix = 0;
        int max = Math.min(now.length(), goal.length());
        while (prefix < max && now.charAt(prefix) == goal.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < max - prefix && now.charAt(now.length() - 1 - suffix) == goal.charAt(goal.length() - 1
                - suffix)) {
            suffix++;
        }
        while (prefix > 0 && word(now.charAt(prefix - 1))) {
            prefix--;
        }
        while (suffix > 0 && word(now.charAt(now.length() - suffix))) {
            suffix--;
        }
        String a = now.substring(prefix, now.length() - suffix);
        if (!a.isEmpty() && !a.equals(now)) {
            out.add(new Object[] {a, goal.substring(prefix, goal.length() - suffix)});
        }
        return out;
    }

    private static boolean word(char c) {
        return Character.isLetterOrDigit(c) || Character.isSurrogate(c);
    }

    /** What fixing each slot still wrong by its own edit would cost: the bytes the search tries to beat. */
    private static int residual(String[] now, String[] goal) {
        int sum = 0;
        for (int i = 0; i < now.length; i++) {
            if (!now[i].equals(goal[i])) {
                sum += cost(new Object[] {i, goal[i]});
            }
        }
        return sum;
    }

    private static int cost(Object[] edit) {
        return length(edit[0]) + length(edit[1]) + 2;
    }

    private static int length(Object value) {
        if (value instanceof Integer n) {
            return Integer.toString(n).length();
        }
        StringBuilder out = new StringBuilder();
        NodeWriter.writeString((String) value, out);
        return out.length();
    }

    static boolean sameShape(VNode a, VNode b) {
        if (a instanceof VElement x && b instanceof VElement y) {
            if (!x.tag().equals(y.tag()) || x.tag().equals("template") || x.attributes().containsKey("diff:id")
                    || !x.attributes().keySet().equals(y.attributes().keySet())
                    || x.children().size() != y.children().size()) {
                return false;
            }
            for (int i = 0; i < x.children().size(); i++) {
                if (!sameShape(x.children().get(i), y.children().get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a instanceof VText && b instanceof VText || a instanceof VComment && b instanceof VComment;
    }

    static List<String> slots(VNode node) {
        List<String> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(VNode node, List<String> out) {
        if (node instanceof VElement e) {
            for (String name : sortedNames(e)) {
                out.add(e.attributes().get(name));
            }
            for (VNode child : e.children()) {
                collect(child, out);
            }
        } else if (node instanceof VText t) {
            out.add(t.text());
        } else {
            out.add(((VComment) node).text());
        }
    }

    private static String[] sortedNames(VElement e) {
        String[] names = e.attributes().keySet().toArray(new String[0]);
        Arrays.sort(names);
        return names;
    }

    private static VNode rebuild(VNode node, String[] values, int[] next) {
        if (node instanceof VElement e) {
            Map<String, String> byName = new java.util.HashMap<>();
            for (String name : sortedNames(e)) {
                byName.put(name, values[next[0]++]);
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            for (String name : e.attributes().keySet()) {
                attributes.put(name, byName.get(name));
            }
            List<VNode> children = new ArrayList<>(e.children().size());
            for (VNode child : e.children()) {
                children.add(rebuild(child, values, next));
            }
            return new VElement(e.tag(), attributes, children);
        }
        String value = values[next[0]++];
        return node instanceof VText ? new VText(value) : new VComment(value);
    }
}
