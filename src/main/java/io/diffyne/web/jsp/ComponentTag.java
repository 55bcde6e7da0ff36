package io.diffyne.web.jsp;

import io.diffyne.web.DiffynePage;

import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.tagext.DynamicAttributes;
import jakarta.servlet.jsp.tagext.SimpleTagSupport;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code <diffyne:component name="counter" step="2"/>}: mounts a component and writes its HTML, the same markup
 * {@code {{ diffyne('counter', {'step': 2}) }}} writes in a Pebble page. Every attribute but {@code name} is a mount
 * parameter: a literal arrives as a string ({@code "2"}, which the runtime converts to the field's type as it does a
 * form value), an expression ({@code step="${2}"}) as its value.
 */
public class ComponentTag extends SimpleTagSupport implements DynamicAttributes {

    private String name;
    private final Map<String, Object> params = new LinkedHashMap<>();
    /** The request's page API; tests put their own. */
    java.util.function.Supplier<DiffynePage> page = RequestPage::get;

    public void setName(String name) {
        this.name = name;
    }

    @Override
    public void setDynamicAttribute(String uri, String localName, Object value) {
        params.put(localName, value);
    }

    @Override
    public void doTag() throws JspException, IOException {
        if (name == null || name.isBlank()) {
            throw new JspException("<diffyne:component>: name must name a component, e.g. name=\"counter\"");
        }
        getJspContext().getOut().write(page.get().mount(name, params));
    }
}
