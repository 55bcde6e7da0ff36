package io.diffyne.fuzz;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Section-3 requests built from valid templates (real snapshots, the demo's methods and properties), then broken:
 * wrong types, missing and extra fields, deep nesting, huge numbers and strings, lone surrogates, stale, forged and
 * foreign snapshots, and text-level damage (truncation, flipped characters, trailing content, duplicate keys).
 * Everything comes from one {@link Random}: the same seed and seeds give the same messages.
 */
final class Generator {

    static final List<String> METHODS = List.of("increment", "decrement", "clear", "addTodo", "toggleTodo",
            "removeTodo", "clearCompleted", "submit", "another", "clearSearch", "nextPage", "previousPage",
            "confirmDelete", "close", "confirm", "sendMessage", "clearLogs", "mount", "hydrate", "render", "toString",
            "getClass", "wait", "notify", "hashCode");
    static final List<String> PROPERTIES = List.of("count", "step", "todos", "newTodo", "nextId", "name", "email",
            "message", "submitted", "search", "results", "page", "draft", "room", "logs", "photo", "show", "id",
            "todos.0.title", "class", "");
    static final List<String> TYPES = List.of("call", "update", "event", "render");
    /** Lone and paired surrogates, NUL, a BOM, a non-character, RTL override, a combining mark, an emoji. */
    private static final String[] ODD = {"\uD800", "\uDFFF", "\uDBFF\uDFFF", "\u0000", "\uFEFF", "\uFFFF", "\u202E",
        "\u0301", "\uD83D\uDE00", "\uDE00\uD83D", "\\", "\"", "</script>", "{{ count }}", "%00", "\r\n"};
    private static final String[] HUGE_NUMBERS = {"9223372036854775808", "-9223372036854775809",
        "1e1000", "1e1001", "-1e-1001", "1E+999", "0.0000000000000000000000001", "-0", "-0.0", "1e-400",
        "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            + "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            + "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
        "4.9e-324", "2147483648", "-2147483649", "1.5", "NaN", "Infinity", "-", "01", "1.", ".5", "+1", "0x10"};

    /** Marks "put a random value of another type here". */
    private static final Object WRONG_TYPE = new Object();

    private final Random random;
    private final Seeds seeds;
    private final int maxMessageSize;
    private int requestIds;

    Generator(Random random, Seeds seeds, int maxMessageSize) {
        this.random = random;
        this.seeds = seeds;
        this.maxMessageSize = maxMessageSize;
    }

    Random random() {
        return random;
    }

    int maxMessageSizeChars() {
        return maxMessageSize;
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> snapshot() {
        return (Map<String, Object>) FuzzJson.parse(pick(seeds.snapshots()));
    }

    /** A snapshot as sent: mostly as the page gave it (stale after its first use), else forged or foreign. */
    @SuppressWarnings("unchecked")
    Object snapshotVariant() {
        Map<String, Object> snap = snapshot();
        switch (random.nextInt(12)) {
            case 0 -> snap.put("sig", token(22));
            case 1 -> snap.put("version", new BigDecimal(random.nextInt(3) - 1 + ((BigDecimal) snap.getOrDefault(
                    "version", BigDecimal.ONE)).intValue()));
            case 2 -> snap.put("component", pick(List.of("counter", "todo-list", "contact-form", "nope", "")));
            case 3 -> snap.put("id", pick(List.of(token(12), "", "../../etc", token(13))));
            case 4 -> { // a locked field rolled, signature kept
                if (snap.get("state") instanceof Map<?, ?> state) {
                    ((Map<String, Object>) state).put(pick(PROPERTIES), value(2));
                }
            }
            case 5 -> snap.put("sig", ((Map<String, Object>) FuzzJson.parse(pick(seeds.snapshots()))).get("sig"));
            case 6 -> snap.remove(pick(List.of("sig", "state", "version", "id", "component")));
            default -> {
                // as issued
            }
        }
        return snap;
    }

    String requestId() {
        return switch (random.nextInt(20)) {
            case 0 -> token(65);
            case 1 -> "";
            case 2 -> "r" + ODD[random.nextInt(ODD.length)];
            default -> "fz" + (requestIds++);
        };
    }

    /** A well-formed request of a random type (before mutation); {@code ref} allows a WebSocket reference. */
    @SuppressWarnings("unchecked")
    Map<String, Object> request(boolean ref) {
        Map<String, Object> request = new LinkedHashMap<>();
        String type = pick(TYPES);
        request.put("type", type);
        request.put("requestId", requestId());
        Object snapshot = snapshotVariant();
        if (ref && chance(0.4) && snapshot instanceof Map<?, ?> snap) {
            Map<String, Object> reference = new LinkedHashMap<>();
            reference.put("id", snap.get("id"));
            reference.put("version", snap.get("version"));
            reference.put("sig", snap.get("sig"));
            request.put("ref", reference);
        } else {
            request.put("snapshot", snapshot);
        }
        switch (type) {
            case "call" -> {
                request.put("method", pick(METHODS));
                if (chance(0.5)) {
                    List<Object> params = new ArrayList<>();
                    for (int i = random.nextInt(3); i > 0; i--) {
                        params.add(value(2));
                    }
                    request.put("params", params);
                }
                if (chance(0.2)) {
                    Map<String, Object> updates = new LinkedHashMap<>();
                    updates.put(pick(PROPERTIES), value(1));
                    request.put("updates", updates);
                }
            }
            case "update" -> {
                request.put("property", pick(PROPERTIES));
                request.put("value", value(2));
            }
            case "event" -> {
                request.put("event", seeds.events().isEmpty() || chance(0.3) ? token(8) : pick(seeds.events()));
                request.put("data", value(2));
                if (chance(0.5)) {
                    // a dispatch pass's shape, or a sealed broadcast pass's (which the server tries to open)
                    request.put("pass", chance(0.5) ? System.currentTimeMillis() + 60_000 + "." + token(34)
                            : "b1." + token(random.nextInt(160)));
                }
            }
            default -> {
                // render: the snapshot is all
            }
        }
        return request;
    }

    /** A random JSON value, nested at most {@code depth}. */
    Object value(int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 6);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> new BigDecimal(random.nextInt(2001) - 1000);
            case 3 -> new FuzzJson.Raw(HUGE_NUMBERS[random.nextInt(HUGE_NUMBERS.length)]);
            case 4 -> string(random.nextInt(24));
            case 5 -> pick(PROPERTIES);
            case 6, 7 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(value(depth - 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put(token(1 + random.nextInt(6)), value(depth - 1));
                }
                yield map;
            }
        };
    }

    String token(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** Mostly plain, with odd code units (lone surrogates among them) mixed in. */
    String string(int length) {
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            out.append(chance(0.2) ? ODD[random.nextInt(ODD.length)] : token(1));
        }
        return out.toString();
    }

    /** Applies 1–3 structural mutations to {@code tree} (in place where it can) and returns the result. */
    Object mutate(Object tree) {
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            tree = mutateOnce(tree);
        }
        return tree;
    }

    @SuppressWarnings("unchecked")
    private Object mutateOnce(Object tree) {
        List<Object> containers = new ArrayList<>();
        collect(tree, containers, 0);
        if (containers.isEmpty() || chance(0.05)) {
            return wrapDeep(tree);
        }
        Object target = pick(containers);
        // the costly ones (a long string, 10,000 members) rarely, so that a short run still covers much else
        Object replacement = switch (random.nextInt(40)) {
            case 0, 1, 2, 3 -> null;
            case 4, 5, 6, 7, 8, 9, 10, 11 -> value(3);
            case 12, 13, 14, 15 -> new FuzzJson.Raw(HUGE_NUMBERS[random.nextInt(HUGE_NUMBERS.length)]);
            case 16 -> hugeString();
            case 17, 18 -> wrapDeep(value(0));
            case 19 -> wide();
            default -> WRONG_TYPE;
        };
        if (replacement == WRONG_TYPE && !(target instanceof Map<?, ?> || target instanceof List<?>)) {
            replacement = value(2);
        }
        if (target instanceof Map<?, ?> map) {
            Map<String, Object> m = (Map<String, Object>) map;
            List<String> keys = new ArrayList<>(m.keySet());
            int op = random.nextInt(4);
            if (op == 0 && !keys.isEmpty()) {
                m.remove(pick(keys)); // missing field
            } else if (op == 1 || keys.isEmpty()) {
                m.put(chance(0.5) ? token(1 + random.nextInt(8)) : string(4),
                        replacement == WRONG_TYPE ? value(2) : replacement); // extra field
            } else {
                m.put(pick(keys), replacement == WRONG_TYPE ? value(2) : replacement); // wrong type
            }
        } else if (target instanceof List<?> list) {
            List<Object> l = (List<Object>) list;
            Object element = replacement == WRONG_TYPE ? value(2) : replacement;
            if (l.isEmpty() || chance(0.5)) {
                l.add(element);
            } else {
                l.set(random.nextInt(l.size()), element);
            }
        }
        return tree;
    }

    private void collect(Object node, List<Object> into, int depth) {
        if (depth > 6) {
            return;
        }
        if (node instanceof Map<?, ?> map) {
            into.add(map);
            map.values().forEach(v -> collect(v, into, depth + 1));
        } else if (node instanceof List<?> list) {
            into.add(list);
            list.forEach(v -> collect(v, into, depth + 1));
        }
    }

    /** Just under, at and over the 64 levels, or far over them. */
    private Object wrapDeep(Object inner) {
        int depth = pick(List.of(62, 63, 64, 65, 200, 10_000));
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            boolean array = random.nextBoolean();
            open.append(array ? "[" : "{\"k\":");
            close.append(array ? "]" : "}");
        }
        return new FuzzJson.Raw(open + FuzzJson.write(inner, true) + close.reverse());
    }

    private Object hugeString() {
        int length = chance(0.02) ? 1_048_577 : pick(List.of(1_000, 20_000, 100_000));
        return chance(0.5) ? "x".repeat(length) : new FuzzJson.Raw("1".repeat(Math.min(length, 5_000)));
    }

    /** At and over the 10,000 members or elements. */
    private Object wide() {
        int n = chance(0.5) ? 10_000 : 10_001;
        StringBuilder out = new StringBuilder(chance(0.5) ? "[" : "{");
        boolean array = out.charAt(0) == '[';
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(array ? "0" : "\"k" + i + "\":0");
        }
        return new FuzzJson.Raw(out.append(array ? ']' : '}').toString());
    }

    /** Text-level damage to a serialized message. */
    String damage(String text) {
        if (text.isEmpty()) {
            return "{";
        }
        int at = random.nextInt(text.length());
        return switch (random.nextInt(8)) {
            case 0 -> text.substring(0, at);
            case 1 -> text.substring(0, at) + (char) random.nextInt(0x80) + text.substring(at + 1);
            case 2 -> text + pick(List.of(" x", "}", "{}", ",", "\u0000", "   "));
            case 3 -> text.replaceFirst("\\{\"", "{\"type\":\"call\",\"");
            case 4 -> text.substring(0, at) + ODD[random.nextInt(ODD.length)] + text.substring(at);
            case 5 -> pick(List.of("", "null", "0", "[]", "\"x\"", "true", "{}", "[[[", "\uFEFF{}", "{\"\":}"));
            case 6 -> text.replace("\"", "'");
            default -> "[" + text + "," + text + "]";
        };
    }

    /** A text that is just over the message limit (1009 over WebSocket, 413 over AJAX). */
    String oversized() {
        String head = "{\"event\":\"diffyne.update\",\"data\":{\"type\":\"update\",\"value\":\"";
        return head + "y".repeat(maxMessageSize - head.length() + 1 + random.nextInt(1000)) + "\"}}";
    }
}
