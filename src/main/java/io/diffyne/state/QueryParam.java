package io.diffyne.state;

/** How a {@code @QueryString} state field appears in the page URL: parameter name, history push, keep when empty. */
public record QueryParam(String name, boolean history, boolean keep) {
}
