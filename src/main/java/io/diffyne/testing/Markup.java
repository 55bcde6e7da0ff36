package io.diffyne.testing;

import io.diffyne.vdom.VElement;

import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Selector;

/** The component as the browser shows it, read with jsoup: its visible text, and elements by CSS selector. */
final class Markup {

    private final String html;
    private final Element root;

    Markup(VElement tree) {
        this.html = tree.toHtml(Map.of());
        this.root = Jsoup.parseBodyFragment(html).body().child(0);
    }

    String html() {
        return html;
    }

    /** The text a reader sees, whitespace collapsed as the browser collapses it. */
    String text() {
        return root.text();
    }

    /** The elements matching {@code css}, the root included. */
    Elements select(String css) {
        try {
            return root.select(css);
        } catch (Selector.SelectorParseException e) {
            throw Failures.fail("Not a CSS selector: '" + css + "': " + e.getMessage(), e);
        }
    }

    /** Whitespace collapsed and trimmed, as {@link #text()} has it. */
    static String collapse(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
