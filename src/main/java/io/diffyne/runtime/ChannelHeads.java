package io.diffyne.runtime;

/**
 * Reads broadcast channels' heads for the markup of a mounted component. The broadcast bus is one (every
 * {@code BroadcastBus} is a {@code ChannelHeads}); without one (unit tests, benchmarks) a mount renders no heads.
 */
public interface ChannelHeads {

    /** The channel's head now; {@link ChannelHead#NONE} when it has had no broadcast (or its log was forgotten). */
    ChannelHead head(String channel);
}
