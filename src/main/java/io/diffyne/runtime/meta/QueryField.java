package io.diffyne.runtime.meta;

import io.diffyne.state.StateField;

/**
 * A state field mirrored in the page URL ({@code @QueryString}).
 *
 * @param field   the state field
 * @param param   the query parameter name ({@code as}, or the field name)
 * @param history push a history entry on change ({@code true}) or replace the current one
 * @param keep    keep the parameter in the URL when the value is empty
 */
public record QueryField(StateField field, String param, boolean history, boolean keep) {
}
