package io.diffyne.web.jsp;

import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.tagext.SimpleTagSupport;

import java.io.IOException;

/**
 * {@code <diffyne:scripts/>}: the client bootstrap (config element and script tag), once per page, after the last
 * component, like {@code {{ diffyneScripts() }}} in a Pebble page.
 */
public class ScriptsTag extends SimpleTagSupport {

    /** The request's page API; tests put their own. */
    java.util.function.Supplier<io.diffyne.web.DiffynePage> page = RequestPage::get;

    @Override
    public void doTag() throws JspException, IOException {
        getJspContext().getOut().write(page.get().scripts());
    }
}
