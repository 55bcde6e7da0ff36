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
                                              Map<String, String> grants, Map<String, ChannelHead> heads,
                                              Transport transport) {
        Collection<String> listeners = type.listenedEvents();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("diff:id", snapshot.id());
        attributes.put("diff:component", snapshot.component());
        attributes.put("diff:snapshot", snapshot.toJsonString());
        if (!listeners.isEmpty()) {
            attributes.put("diff:listeners", jsonArray(listeners));
            attributes.put("diff:channels", jsonArray(channels));
            attributes.put("diff:grants", ResponseWriter.stringMap(grants));
            if (!heads.isEmpty()) {
                attributes.put("diff:heads", headsJson(heads));
            }
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

    /** {@code {"chat.general":{"ep":"q3Xv9a_Z","seq":41}}}, {@code "ep":null,"seq":0} for a channel with no log. */
    static String headsJson(Map<String, ChannelHead> heads) {
        StringBuilder out = new StringBuilder().append('{');
        for (Map.Entry<String, ChannelHead> head : heads.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            ResponseWriter.string(head.getKey(), out);
            out.append(":{\"ep\":");
            if (head.getValue().epoch() == null) {
                out.append("null");
            } else {
                ResponseWriter.string(head.getValue().epoch(), out);
            }
            out.append(",\"seq\":").append(head.getValue().seq()).append('}');
        }
        return out.append('}').toString();
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
