package io.diffyne.web.jsp;

import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.tagext.SimpleTagSupport;

import java.io.IOException;

/**
 * {@code <diffyne:scripts/>}: the client bootstrap (config element and script tag), once per page, after the last
 * component, like {@code {{ diffyneScripts() }}} in a Pebble page.
 */
public class ScriptsTag extends SimpleTagSupport {

    @Override
    public void doTag() throws JspException, IOException {
        getJspContext().getOut().write(RequestPage.get().scripts());
    }
}
