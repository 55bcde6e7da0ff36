package io.diffyne.vdom;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An element: lower-case tag (SVG and MathML names keep the case browsers give them, {@code linearGradient}),
 * attributes in source order, and children. Attribute values are strings; a boolean attribute has the value
 * {@code ""}. Wire form:
 *
 * <pre>{@code {"t":"input","a":{"type":"checkbox","checked":""}}}</pre>
 *
 * <p>Attribute order is kept for writing HTML but does not take part in {@code equals}: the DOM does not care.
 *
 * @param tag the tag name as the browser's DOM reports it ({@code localName})
 * @param attributes name to value, insertion-ordered, unmodifiable
 * @param children element, text and comment children, never whitespace-only text when built by {@link HtmlParser}
 */
public record VElement(String tag, Map<String, String> attributes, List<VNode> children) implements VNode {

    public VElement {
        Objects.requireNonNull(tag, "tag");
        if (tag.isEmpty()) {
            throw new IllegalArgumentException("an element needs a tag name");
        }
        attributes = Attributes.copyOf(attributes);
        children = List.copyOf(children);
    }

    /** An element without attributes. */
    public VElement(String tag, List<VNode> children) {
        this(tag, Map.of(), children);
    }

    /** An element without attributes and children. */
    public VElement(String tag) {
        this(tag, Map.of(), List.of());
    }

    @Override
    public String key() {
        return attributes.get(KEY_ATTRIBUTE);
    }

    /** This element as HTML with {@code extraRootAttributes} added to it (the runtime's {@code diff:id} and friends). */
    public String toHtml(Map<String, String> extraRootAttributes) {
        StringBuilder out = new StringBuilder();
        HtmlWriter.write(this, extraRootAttributes, out);
        return out.toString();
    }
}
