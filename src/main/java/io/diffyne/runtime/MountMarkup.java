package io.diffyne.runtime;

import io.diffyne.component.Transport;
import io.diffyne.runtime.meta.ComponentType;
import io.diffyne.runtime.meta.QueryField;
import io.diffyne.protocol.ResponseWriter;
import io.diffyne.state.Snapshot;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The framework attributes a mounted component's root carries (docs/protocol.md §1). */
final class MountMarkup {

    private MountMarkup() {
    }

    static Map<String, String> rootAttributes(Snapshot snapshot, ComponentType type, Collection<String> channels,
                                              Map<String, String> grants, Transport transport) {
        Collection<String> listeners = type.listenedEvents();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("diff:id", snapshot.id());
        attributes.put("diff:component", snapshot.component());
        attributes.put("diff:snapshot", snapshot.toJsonString());
        if (!listeners.isEmpty()) {
            attributes.put("diff:listeners", jsonArray(listeners));
            attributes.put("diff:channels", jsonArray(channels));
            attributes.put("diff:grants", ResponseWriter.stringMap(grants));
        }
        if (transport == Transport.AJAX) {
            attributes.put("diff:transport", "ajax");
        }
        List<String> replaced = type.queryFields().stream().filter(q -> !q.history()).map(QueryField::param).toList();
        if (!replaced.isEmpty()) {
            attributes.put("diff:query-replace", jsonArray(replaced));
        }
        return attributes;
    }

    static String jsonArray(Collection<String> values) {
        StringBuilder out = new StringBuilder().append('[');
        for (String value : values) {
            if (out.length() > 1) {
                out.append(',');
            }
            ResponseWriter.string(value, out);
        }
        return out.append(']').toString();
    }
}
