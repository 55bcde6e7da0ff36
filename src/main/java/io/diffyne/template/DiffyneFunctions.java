package io.diffyne.template;

import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pebble functions of Diffyne: {@code error('field')} (the field's first validation message, or nothing) and, when a
 * {@link ComponentMounter} is configured, {@code diffyne('name', {params})}.
 */
public final class DiffyneFunctions extends AbstractExtension {

    private final ComponentMounter mounter;

    DiffyneFunctions(ComponentMounter mounter) {
        this.mounter = mounter;
    }

    @Override
    public Map<String, Function> getFunctions() {
        Map<String, Function> functions = new HashMap<>();
        functions.put("error", new ErrorFunction());
        if (mounter != null) {
            functions.put("diffyne", new MountFunction(context -> mounter));
        }
        return functions;
    }

    /** {@code {{ error('email') }}}: first message of {@code email}, or {@code null} (prints nothing). */
    private static final class ErrorFunction implements Function {
        @Override
        public List<String> getArgumentNames() {
            return List.of("field");
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            Object errors = context.getVariable("errors");
            Object field = args.get("field");
            if (!(errors instanceof Map<?, ?> map) || field == null) {
                return null;
            }
            Object messages = map.get(String.valueOf(field));
            return messages instanceof List<?> list && !list.isEmpty() ? list.get(0) : null;
        }
    }

    /**
     * {@code {{ diffyne('counter', {'start': 5}) }}}: the mounted component's HTML, not escaped again. Pages that mount
     * through a per-request mounter (the page API) resolve it from the evaluation context.
     */
    public static Function mountFunction(java.util.function.Function<EvaluationContext, ComponentMounter> mounter) {
        return new MountFunction(mounter);
    }

    private static final class MountFunction implements Function {
        private final java.util.function.Function<EvaluationContext, ComponentMounter> mounter;

        MountFunction(java.util.function.Function<EvaluationContext, ComponentMounter> mounter) {
            this.mounter = mounter;
        }

        @Override
        public List<String> getArgumentNames() {
            return List.of("name", "params");
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            Object name = args.get("name");
            Object params = args.get("params");
            if (!(name instanceof String componentName)) {
                throw new PebbleException(null, "diffyne(name, params): name must be a string, e.g."
                        + " diffyne('counter')", line, self.getName());
            }
            if (params != null && !(params instanceof Map)) {
                throw new PebbleException(null, "diffyne(name, params): params must be a map, e.g."
                        + " diffyne('counter', {'start': 5})", line, self.getName());
            }
            Map<String, Object> p = new HashMap<>();
            if (params != null) {
                ((Map<?, ?>) params).forEach((k, v) -> p.put(String.valueOf(k), v));
            }
            return new SafeString(mounter.apply(context).mount(componentName, p));
        }
    }
}
