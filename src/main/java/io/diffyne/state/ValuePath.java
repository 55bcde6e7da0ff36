package io.diffyne.state;

/**
 * Where a value sits inside a larger one, for error messages: {@code items[3].qty}. A linked list rendered only when
 * an error needs it, so walking a large value costs no string building.
 */
final class ValuePath {

    private static final int MAX_SEGMENT = 64;

    private final ValuePath parent;
    private final String key;
    private final int index;
    final int depth;

    private ValuePath(ValuePath parent, String key, int index) {
        this.parent = parent;
        this.key = key;
        this.index = index;
        this.depth = parent == null ? 0 : parent.depth + 1;
    }

    static ValuePath root(String name) {
        return new ValuePath(null, name == null ? "" : name, -1);
    }

    ValuePath key(String name) {
        return new ValuePath(this, name, -1);
    }

    ValuePath index(int i) {
        return new ValuePath(this, null, i);
    }

    String render() {
        StringBuilder out = new StringBuilder();
        render(out);
        return out.toString();
    }

    private void render(StringBuilder out) {
        if (parent == null) {
            out.append(shorten(key));
            return;
        }
        parent.render(out);
        if (key == null) {
            out.append('[').append(index).append(']');
        } else if (isIdentifier(key)) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(key);
        } else {
            out.append("[\"").append(shorten(key).replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
        }
    }

    private static String shorten(String s) {
        return s.length() <= MAX_SEGMENT ? s : s.substring(0, MAX_SEGMENT) + "…";
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty() || s.length() > MAX_SEGMENT || !Character.isJavaIdentifierStart(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!Character.isJavaIdentifierPart(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return render();
    }
}
