package io.diffyne.demo;

import io.diffyne.component.Component;
import io.diffyne.component.DiffyneComponent;
import io.diffyne.component.Invokable;
import io.diffyne.component.Locked;

import jakarta.annotation.security.RolesAllowed;

import java.util.Map;

/** The classic counter: one text patch per click. */
@DiffyneComponent("counter")
public class Counter extends Component {

    public int count;

    /** Set by the page; the client can never change it. */
    @Locked
    public int step = 1;

    @Override
    protected void mount(Map<String, Object> params) {
        if (step < 1) {
            step = 1;
        }
    }

    @Invokable
    public void increment() {
        count += step;
    }

    @Invokable
    public void decrement() {
        if (count > 0) {
            count = Math.max(0, count - step);
        }
    }

    @Invokable
    public void clear() {
        reset("count");
    }

    /**
     * Sets the count: an action only an {@code admin} may run (the demo has no sign-in, so every visitor is refused
     * with {@code security_error}; the page has no button for it).
     */
    @Invokable
    @RolesAllowed("admin")
    public void preset(int value) {
        count = Math.max(0, value);
    }
}
