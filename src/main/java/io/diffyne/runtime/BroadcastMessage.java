package io.diffyne.runtime;

import jakarta.json.JsonValue;

/**
 * A component's {@code broadcast(channel, name, data)}, fired as a CDI event after the action that made it
 * succeeded. The broadcast bus observes it, numbers it per channel and delivers it to every listening client.
 * JSON as pushed: {@code {"channel":"room:general","seq":42,"name":"message-sent","data":{"room":"general"}}}
 *
 * @param channel the channel ("" is the global one)
 * @param name    the event name (what {@code @On} listens to)
 * @param data    the event data
 * @param origin  the client id of the sender (the sender's own component has already handled its action)
 */
public record BroadcastMessage(String channel, String name, JsonValue data, String origin) {
}
