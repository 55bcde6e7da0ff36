package io.diffyne.runtime.meta;

import java.util.List;

/**
 * One or more component classes are declared wrongly. Raised at deployment (as a CDI definition error) so a broken
 * component never reaches a user; each problem names the class and the fix.
 */
public class ComponentDefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ComponentDefinitionException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " Diffyne component problems:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as one sentence, in discovery order. */
    public List<String> problems() {
        return problems;
    }
}
