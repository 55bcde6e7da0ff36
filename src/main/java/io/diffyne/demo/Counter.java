package io.diffyne.demo;

import io.diffyne.component.Component;
import io.diffyne.component.DiffyneComponent;
import io.diffyne.component.Invokable;
import io.diffyne.component.Locked;

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
}
