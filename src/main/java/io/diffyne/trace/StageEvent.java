package io.diffyne.trace;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One stage of one action: the time since the action's previous mark, named by the mark that ends it. Off unless a
 * recording's settings enable it (some thirty per action: {@code scripts/stages.sh} does).
 */
@Name("io.diffyne.Stage")
@Label("Diffyne stage")
@Category("Diffyne")
@Description("The time one stage of an action took, from the previous mark to this one, on the action's thread")
@StackTrace(false)
@Enabled(false)
public final class StageEvent extends jdk.jfr.Event {

    @Label("Action")
    @Description("The action's number in this JVM: the stages of one action share it with its io.diffyne.Action")
    long action;

    @Label("Stage")
    String stage;

    @Label("Duration")
    @Timespan(Timespan.NANOSECONDS)
    long nanos;
}
