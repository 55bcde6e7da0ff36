package io.diffyne.template;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What one component render needs. The template sees each state entry and each computed value by name, plus
 * {@code errors} (field → messages) and {@code component} ({@code component.id}, {@code component.name}).
 * <pre>{@code
 * new TemplateView(type.templateName(), ctx.componentId(), type.name(), type.readState(c),
 *                  type.computedValues(c), ctx.effects().errors().asMap())
 * }</pre>
 *
 * @param templateName  template name without prefix and suffix
 * @param componentId   {@code diff:id}
 * @param componentName {@code diff:component}
 * @param state         state field → value
 * @param computed      computed name → supplier, called at most once per render and only if the template reads it
 * @param errors        field → messages
 */
public record TemplateView(String templateName, String componentId, String componentName, Map<String, Object> state,
                           Map<String, ? extends Supplier<?>> computed, Map<String, List<String>> errors) {

    public TemplateView {
        Objects.requireNonNull(templateName, "templateName");
        Objects.requireNonNull(state, "state");
        computed = computed == null ? Map.of() : computed;
        errors = errors == null ? Map.of() : errors;
    }

    /** The {@code component} variable. */
    public record ComponentInfo(String id, String name) {
    }
}
