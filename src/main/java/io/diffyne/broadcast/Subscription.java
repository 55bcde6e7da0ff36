package io.diffyne.broadcast;

/** A subscriber's handle: closing it stops deliveries. Closing twice is harmless. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
