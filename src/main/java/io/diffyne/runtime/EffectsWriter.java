package io.diffyne.runtime;

import io.diffyne.component.spi.Effects;
import io.diffyne.protocol.ResponseWriter;
import io.diffyne.state.CanonicalJson;
import io.diffyne.state.StateSerializer;

import java.util.List;
import java.util.function.Function;

/**
 * Writes a component's page effects into a response: {@code events} (each with the {@link EventPasses pass} the
 * browser relays with it), {@code browserEvents}, {@code redirect}.
 */
final class EffectsWriter {

    private EffectsWriter() {
    }

    static void write(Effects effects, ResponseWriter response, Function<Effects.Event, String> passOf) {
        List<Effects.Event> events = effects.events();
        if (!events.isEmpty()) {
            StringBuilder out = new StringBuilder().append('[');
            for (Effects.Event event : events) {
                if (out.length() > 1) {
                    out.append(',');
                }
                out.append("{\"name\":");
                ResponseWriter.string(event.name(), out);
                out.append(",\"data\":");
                CanonicalJson.write(StateSerializer.toJson(event.data()), out);
                if (event.to() != null) {
                    out.append(",\"to\":");
                    ResponseWriter.string(event.to(), out);
                }
                if (event.self()) {
                    out.append(",\"self\":true");
                }
                out.append(",\"pass\":");
                ResponseWriter.string(passOf.apply(event), out);
                out.append('}');
            }
            response.raw("events", out.append(']').toString());
        }
        List<Effects.BrowserEvent> browserEvents = effects.browserEvents();
        if (!browserEvents.isEmpty()) {
            StringBuilder out = new StringBuilder().append('[');
            for (Effects.BrowserEvent event : browserEvents) {
                if (out.length() > 1) {
                    out.append(',');
                }
                out.append("{\"name\":");
                ResponseWriter.string(event.name(), out);
                out.append(",\"data\":");
                CanonicalJson.write(StateSerializer.toJson(event.data()), out);
                out.append('}');
            }
            response.raw("browserEvents", out.append(']').toString());
        }
        effects.redirect().ifPresent(redirect -> {
            StringBuilder out = new StringBuilder("{\"url\":");
            ResponseWriter.string(redirect.url(), out);
            out.append(",\"spa\":").append(redirect.spa()).append('}');
            response.raw("redirect", out.toString());
        });
    }
}
