package io.diffyne.runtime;

/**
 * Where one broadcast channel's log stands: its epoch and latest sequence number ({@code null} and 0 while the
 * channel has had no broadcast). A page renders the heads of the channels its listening components are on, so the
 * first connection it opens asks for what was broadcast after that (docs/protocol.md §1 {@code diff:heads}, §7).
 *
 * @param epoch the log's epoch, null when the channel has no log
 * @param seq   its latest sequence number, 0 when it has none
 */
public record ChannelHead(String epoch, long seq) {

    /** A channel without a log: every broadcast it gets from now on is new to whoever holds this head. */
    public static final ChannelHead NONE = new ChannelHead(null, 0);
}
