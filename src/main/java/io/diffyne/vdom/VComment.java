package io.diffyne.vdom;

import java.util.Objects;

/**
 * A comment node. Comments are children like any other (they take a path index), so a change is a {@code t} patch.
 * Wire form: {@code {"m":" note "}}.
 *
 * @param text the comment's data, without {@code <!--} and {@code -->}; never null
 */
public record VComment(String text) implements VNode {

    public VComment {
        Objects.requireNonNull(text, "text");
    }
}
