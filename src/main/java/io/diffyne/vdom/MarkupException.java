package io.diffyne.vdom;

/**
 * Rendered HTML that cannot be a component: not exactly one root element, or nested deeper than a browser keeps.
 * The message names what was found and how to fix the template; it may be shown to the template's author, never to
 * a client.
 */
public class MarkupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MarkupException(String message) {
        super(message);
    }
}
