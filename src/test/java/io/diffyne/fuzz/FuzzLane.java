package io.diffyne.fuzz;

import java.net.URI;
import java.util.Random;

/** One lane's loop: its share of messages until the deadline; a lane that throws is a finding, not a lost thread. */
abstract class FuzzLane implements Runnable {

    final String name;
    final URI base;
    final Seeds seeds;
    final Generator generator;
    final Findings findings;
    private final long messages;
    private final long deadline;

    FuzzLane(Lane lane) {
        this.name = lane.name();
        this.base = lane.base();
        this.seeds = lane.seeds();
        this.generator = new Generator(new Random(lane.seed()), lane.seeds(), lane.maxMessageSize());
        this.findings = lane.findings();
        this.messages = lane.messages();
        this.deadline = lane.deadlineNanos();
    }

    /** Sends message {@code index} and checks what came back. */
    abstract void one(long index);

    /** After the last message. */
    void done() {
    }

    @Override
    public final void run() {
        long i = 0;
        try {
            for (; i < messages && System.nanoTime() < deadline; i++) {
                one(i);
            }
        } catch (RuntimeException | Error e) {
            findings.fail(name, i, "lane stopped: " + e, "", null);
        } finally {
            done();
        }
    }
}
