package io.diffyne.runtime.meta;

import io.diffyne.component.spi.Names;

/** A request or page named a component that is not registered; the runtime answers {@code not_found}. */
public class UnknownComponentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String name;

    public UnknownComponentException(String name) {
        // the name may come from a client: quoted, bounded, control characters removed
        super("No Diffyne component is named " + Names.quote(name));
        this.name = name;
    }

    /** The name as given (untrusted). */
    public String name() {
        return name;
    }
}
