package io.diffyne.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import java.util.function.Supplier;

/**
 * Runs a broadcast listener and its render in a CDI request context, as an action runs in its request's: the
 * component and whatever it injects may be request-scoped. Only the run that renders needs one, so a broadcast
 * whose receivers share one render activates one context, not one per receiver passing Weld's interceptor (issue 17;
 * the saving was within the fan-out benchmark's noise). Without a container (tests, benchmarks) the instance is not
 * intercepted and the work simply runs.
 */
@ApplicationScoped
public class ListenerScope {

    /** The unintercepted one, for a runtime wired by hand. */
    static final ListenerScope NONE = new ListenerScope();

    @ActivateRequestContext
    public <T> T call(Supplier<T> work) {
        return work.get();
    }
}
