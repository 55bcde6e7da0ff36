package io.diffyne.broadcast;

/**
 * Channels the framework broadcasts on for itself, never for clients. Their names start with {@code #}, which no
 * channel name a component may broadcast or listen on can ({@code Names.isChannelName}: a letter or digit first), and
 * which the event-stream request refuses ({@code EventsResource}: letters, digits and {@code ._:/-} only): no client
 * can subscribe to one, ask for its replay or publish on it. Transports skip them before any per-connection work.
 */
public final class SystemChannels {

    /** Each instance's figures for the operations dashboard, every few seconds ({@code io.diffyne.dashboard}). */
    public static final String INSTANCES = "#diffyne.instances";

    private SystemChannels() {
    }

    public static boolean isSystem(String channel) {
        return channel != null && channel.startsWith("#");
    }
}
