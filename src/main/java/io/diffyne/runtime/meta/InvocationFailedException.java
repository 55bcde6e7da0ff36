package io.diffyne.runtime.meta;

/**
 * A component method threw a checked exception. Unchecked exceptions and errors from component code propagate
 * unchanged (so {@code ValidationFailedException} reaches the runtime as itself); checked ones arrive wrapped in this.
 */
public class InvocationFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvocationFailedException(String member, Throwable cause) {
        super(member + " threw " + cause.getClass().getName(), cause);
    }

    static RuntimeException rethrow(String member, Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new InvocationFailedException(member, t);
    }
}
