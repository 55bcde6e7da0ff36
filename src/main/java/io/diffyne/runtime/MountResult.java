package io.diffyne.runtime;

import java.util.Set;

/**
 * A freshly mounted component.
 *
 * @param id        the component id
 * @param html      its root element with the framework attributes (docs/protocol.md §1), ready to embed in a page
 * @param listeners the event names it listens to
 */
public record MountResult(String id, String html, Set<String> listeners) {
}
