package io.diffyne.template;

import java.util.Map;

/**
 * Mounts a component where a page template asks for one: {@code {{ diffyne('counter', {'start': 5}) }}}. Implemented
 * by the runtime's page API; the template renderer only calls it.
 */
@FunctionalInterface
public interface ComponentMounter {

    /**
     * @param componentName the registered component name
     * @param params        mount parameters (never null)
     * @return the component's complete HTML (root element with its {@code diff:*} attributes), already safe to emit
     */
    String mount(String componentName, Map<String, Object> params);
}
