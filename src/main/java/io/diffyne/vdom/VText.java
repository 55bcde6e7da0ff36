package io.diffyne.vdom;

import java.util.Objects;

/**
 * A text node, holding decoded text ({@code "a < b"}, not {@code "a &lt; b"}). Wire form: {@code {"x":"Milk"}}.
 *
 * @param text the character data; never null
 */
public record VText(String text) implements VNode {

    public VText {
        Objects.requireNonNull(text, "text");
    }
}
