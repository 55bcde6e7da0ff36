/**
 * Template engine integration: one Pebble engine per application ({@link io.diffyne.template.TemplateRenderer}),
 * auto-escaping HTML, loading {@code diffyne/<name>.peb} from the class path, rendering a component's state, computed
 * values and validation errors. The {@link io.diffyne.template.ComponentMounter} seam lets page templates embed
 * components with {@code {{ diffyne('counter', {'start': 5}) }}}.
 *
 * <p>May depend on {@code io.diffyne.component}, Pebble and the JDK. Knows nothing of the runtime or of configuration:
 * everything it needs comes in {@link io.diffyne.template.TemplateOptions}.
 */
package io.diffyne.template;
