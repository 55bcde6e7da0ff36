package io.diffyne.trace;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;
import jdk.jfr.Timespan;

/**
 * One action from its transport's first mark to its last: what its stages add up to. Recorded by default only when
 * it took 20 ms or more (a recording's settings can lower the threshold: {@code scripts/stages.sh} sets 0).
 */
@Name("io.diffyne.Action")
@Label("Diffyne action")
@Category("Diffyne")
@Description("One action, from the transport's first mark (message or request in) to its last (answer handed on)")
@StackTrace(false)
@Threshold("20 ms")
public final class ActionEvent extends jdk.jfr.Event {

    @Label("Action")
    long action;

    @Label("Transport")
    String transport;

    @Label("Component")
    String component;

    @Label("Method")
    String method;

    @Label("Total")
    @Timespan(Timespan.NANOSECONDS)
    long nanos;

    @Label("Stages")
    int stages;
}
