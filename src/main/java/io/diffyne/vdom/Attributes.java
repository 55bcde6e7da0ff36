package io.diffyne.vdom;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An element's attributes: unmodifiable, in insertion order, names and values side by side in one array. A rendered
 * tree stays in memory for as long as a connection holds its component (and in the tree cache), and most elements
 * have one to four attributes: an unmodifiable {@code LinkedHashMap} spent about 250 bytes on two of them before their
 * strings (the map, its table, an entry each, the wrapper, and the entry-set views its first iteration cached), this
 * 56. Lookups scan the names, which for the attribute counts of markup is as fast as hashing them. Hand-written
 * because the JDK's compact immutable maps ({@code Map.of}) do not keep order, which the written HTML needs.
 */
final class Attributes extends AbstractMap<String, String> {

    /** name, value, name, value, … */
    private final String[] pairs;

    private Attributes(String[] pairs) {
        this.pairs = pairs;
    }

    /**
     * The most attributes kept in one array: lookups scan, so an element with more (markup that repeats
     * attributes by the thousand, say) keeps a hashed map instead and no diff of it turns quadratic.
     */
    static final int MAX_COMPACT = 16;

    /** An unmodifiable ordered copy of {@code attributes}; the empty map for none. Rejects null names and values. */
    static Map<String, String> copyOf(Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return Map.of();
        }
        if (attributes instanceof Attributes same) {
            return same;
        }
        if (attributes.size() > MAX_COMPACT) {
            java.util.LinkedHashMap<String, String> copy = new java.util.LinkedHashMap<>(attributes);
            copy.forEach((name, value) -> {
                requireText(name, "attribute name");
                requireText(value, "value of attribute " + name);
            });
            return java.util.Collections.unmodifiableMap(copy);
        }
        String[] pairs = new String[attributes.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            if (i == pairs.length) {
                throw new IllegalArgumentException("the attribute map changed while it was copied");
            }
            pairs[i++] = requireText(a.getKey(), "attribute name");
            pairs[i++] = requireText(a.getValue(), "value of attribute " + a.getKey());
        }
        if (i != pairs.length) {
            throw new IllegalArgumentException("the attribute map changed while it was copied");
        }
        return new Attributes(pairs);
    }

    /**
     * The attributes {@code pairs} holds (name, value, …; at most {@link #MAX_COMPACT}, names distinct, none null),
     * kept as they are: for a builder that made the array for this ({@link PlainMarkup}).
     */
    static Map<String, String> ofPairs(String[] pairs) {
        return pairs.length == 0 ? Map.of() : new Attributes(pairs);
    }

    private static String requireText(String s, String what) {
        if (s == null) {
            throw new NullPointerException(what + " is null");
        }
        return s;
    }

    /** Heap bytes of what {@link #copyOf} keeps for {@code n} attributes, without the strings (see {@link TreeHeap}). */
    static long heapBytes(int n) {
        if (n > MAX_COMPACT) {
            // the unmodifiable wrapper (with the views it caches) and the LinkedHashMap, whose table new
            // LinkedHashMap<>(map) sizes to the power of two at or above n / 0.75 + 1, and a 40-byte entry each
            int wanted = (int) (n / 0.75f + 1.0f);
            int table = Integer.highestOneBit(wanted - 1) << 1;
            return 32 + 56 + ((16 + 4L * table + 7) & ~7L) + 40L * n;
        }
        // the object: 12-byte header, AbstractMap's two view fields and the array's reference (24); the array:
        // 16-byte header and 2n compressed references, aligned to 8
        return 24 + ((16 + 8L * n + 7) & ~7L);
    }

    @Override
    public int size() {
        return pairs.length / 2;
    }

    @Override
    public boolean isEmpty() {
        return pairs.length == 0;
    }

    @Override
    public String get(Object name) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equals(name)) {
                return pairs[i + 1];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object name) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equals(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super String> action) {
        for (int i = 0; i < pairs.length; i += 2) {
            action.accept(pairs[i], pairs[i + 1]);
        }
    }

    /**
     * Equal to any map with the same entries, whatever their order; the differ asks it of every element pair, and
     * two renders of one template list the same names in the same order, which one pass over the arrays answers.
     */
    @Override
    public boolean equals(Object o) {
        if (o instanceof Attributes other && java.util.Arrays.equals(pairs, other.pairs)) {
            return true;
        }
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    /** Names in order, a view made on each call and not kept (as {@link #entrySet}). */
    @Override
    public Set<String> keySet() {
        return new View<>() {
            @Override
            String at(int i) {
                return pairs[i];
            }

            @Override
            public boolean contains(Object name) {
                return containsKey(name);
            }
        };
    }

    /** A view made on each call and not kept: keeping it would cost what the compact layout saves. */
    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new View<>() {
            @Override
            Map.Entry<String, String> at(int i) {
                return new SimpleImmutableEntry<>(pairs[i], pairs[i + 1]);
            }
        };
    }

    /** A set view over the pairs in order: {@link #at} makes the element of the pair at index {@code i}. */
    private abstract class View<T> extends AbstractSet<T> {

        abstract T at(int i);

        @Override
        public Iterator<T> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < pairs.length;
                }

                @Override
                public T next() {
                    if (next >= pairs.length) {
                        throw new NoSuchElementException();
                    }
                    T element = at(next);
                    next += 2;
                    return element;
                }
            };
        }

        @Override
        public int size() {
            return pairs.length / 2;
        }
    }
}
