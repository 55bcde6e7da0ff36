package io.diffyne.trace;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Stage marks for one action on one thread: {@link #begin} where a transport receives it, {@link #mark} at each
 * boundary after (the stage named is the one that just ended), {@link #end} where the answer is handed on. Each stage
 * becomes an {@code io.diffyne.Stage} flight recorder event, the whole an {@code io.diffyne.Action} one; stages never
 * overlap, so they add up to the action's total, and a coarse stage is split by adding a mark inside it.
 * <p>Costs one check per call unless a flight recording with the {@code io.diffyne.*} events enabled is running when
 * the action begins; without {@code jdk.jfr} (a container that hides the module) every call does nothing.
 */
public final class Stages {

    private static final boolean JFR = jfrPresent();
    private static final ThreadLocal<Laps> CURRENT = new ThreadLocal<>();
    private static final AtomicLong ACTIONS = new AtomicLong();

    private Stages() {
    }

    /**
     * Starts timing an action on this thread when a recording wants it (false, and nothing changes, when not); an
     * action left unended here before is dropped. Only a caller that got true calls {@link #end}, in a finally.
     */
    public static boolean begin(String transport) {
        if (!JFR || !Recorded.wanted()) {
            CURRENT.remove();
            return false;
        }
        CURRENT.set(new Laps(ACTIONS.incrementAndGet(), transport, System.nanoTime()));
        return true;
    }

    /** Ends the stage running since the previous mark, named {@code stage}. */
    public static void mark(String stage) {
        if (JFR) {
            Laps laps = CURRENT.get();
            if (laps != null) {
                long now = System.nanoTime();
                Recorded.stage(laps.id, stage, now - laps.last);
                laps.last = now;
                laps.count++;
            }
        }
    }

    /** What the action is, for grouping: its component type and method (or update/event name). */
    public static void label(String component, String method) {
        if (JFR) {
            Laps laps = CURRENT.get();
            if (laps != null) {
                laps.component = component;
                laps.method = method;
            }
        }
    }

    /** Ends the last stage ({@code stage}) and the action begun on this thread. */
    public static void end(String stage) {
        if (JFR) {
            Laps laps = CURRENT.get();
            if (laps != null) {
                mark(stage);
                CURRENT.remove();
                Recorded.action(laps.id, laps.transport, laps.component, laps.method, laps.last - laps.start,
                        laps.count);
            }
        }
    }

    private static boolean jfrPresent() {
        try {
            Class.forName("jdk.jfr.Event", false, Stages.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** One timed action's marks so far. */
    private static final class Laps {
        final long id;
        final String transport;
        final long start;
        long last;
        int count;
        String component;
        String method;

        Laps(long id, String transport, long start) {
            this.id = id;
            this.transport = transport;
            this.start = start;
            this.last = start;
        }
    }

    /** The only class that names {@code jdk.jfr} types: loaded only when the module is there. */
    private static final class Recorded {

        static boolean wanted() {
            return new ActionEvent().isEnabled();
        }

        static void stage(long action, String stage, long nanos) {
            StageEvent event = new StageEvent();
            event.action = action;
            event.stage = stage;
            event.nanos = nanos;
            event.commit();
        }

        static void action(long action, String transport, String component, String method, long nanos, int stages) {
            ActionEvent event = new ActionEvent();
            event.action = action;
            event.transport = transport;
            event.component = component;
            event.method = method;
            event.nanos = nanos;
            event.stages = stages;
            event.commit();
        }
    }
}
