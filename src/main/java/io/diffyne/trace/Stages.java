package io.diffyne.trace;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Stage marks for one action on one thread: {@link #begin} where a transport receives it, {@link #mark} at each
 * boundary after (the stage named is the one that just ended), {@link #end} where the answer is handed on. Each stage
 * becomes an {@code io.diffyne.Stage} flight recorder event, the whole an {@code io.diffyne.Action} one; stages never
 * overlap, so they add up to the action's total, and a coarse stage is split by adding a mark inside it.
 * <p>What a recording gets by default: {@code io.diffyne.Action} is enabled with a threshold of 20 ms, as the JDK's
 * own socket events are, so a production server's recording shows its slow actions and nothing of the others;
 * {@code io.diffyne.Stage} is off unless a recording's settings enable it ({@code scripts/stages.sh} enables both,
 * without a threshold): some thirty events per action would fill a recording's 250 MB in minutes under load.
 * <p>Costs one check per call unless a flight recording with {@code io.diffyne.Action} enabled is running when the
 * action begins, and no clock reading per mark unless {@code io.diffyne.Stage} is enabled too; without
 * {@code jdk.jfr} (a container that hides the module) every call does nothing.
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
        if (!JFR) {
            return false;
        }
        Object action = Recorded.begin();
        if (action == null) {
            // set, not remove: the entry stays (holding nothing), so the marks' get() finds it without creating one
            CURRENT.set(null);
            return false;
        }
        CURRENT.set(new Laps(ACTIONS.incrementAndGet(), transport, action, Recorded.stagesWanted(),
                System.nanoTime()));
        return true;
    }

    /** Ends the stage running since the previous mark, named {@code stage}. */
    public static void mark(String stage) {
        if (JFR) {
            Laps laps = CURRENT.get();
            if (laps != null) {
                laps.count++;
                if (laps.stages) {
                    long now = System.nanoTime();
                    Recorded.stage(laps.id, stage, now - laps.last);
                    laps.last = now;
                }
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
                CURRENT.set(null);
                long last = laps.stages ? laps.last : System.nanoTime();
                Recorded.end(laps.action, laps.id, laps.transport, laps.component, laps.method, last - laps.start,
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
        /** Its {@code io.diffyne.Action} event, begun: an {@code Object} so that only {@link Recorded} names it. */
        final Object action;
        /** Whether each stage is recorded too. */
        final boolean stages;
        final long start;
        long last;
        int count;
        String component;
        String method;

        Laps(long id, String transport, Object action, boolean stages, long start) {
            this.id = id;
            this.transport = transport;
            this.action = action;
            this.stages = stages;
            this.start = start;
            this.last = start;
        }
    }

    /** The only class that names {@code jdk.jfr} types: loaded only when the module is there. */
    private static final class Recorded {

        /** The action's event, begun now (its duration is the action's, for the threshold), or null if unwanted. */
        static Object begin() {
            ActionEvent event = new ActionEvent();
            if (!event.isEnabled()) {
                return null;
            }
            event.begin();
            return event;
        }

        static boolean stagesWanted() {
            return new StageEvent().isEnabled();
        }

        static void stage(long action, String stage, long nanos) {
            StageEvent event = new StageEvent();
            event.action = action;
            event.stage = stage;
            event.nanos = nanos;
            event.commit();
        }

        static void end(Object begun, long action, String transport, String component, String method, long nanos,
                        int stages) {
            ActionEvent event = (ActionEvent) begun;
            event.end();
            if (event.shouldCommit()) {
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
}
