package io.diffyne.template;

/**
 * A template is missing, malformed or failed while rendering. The message names the resource and, when known, the
 * line; it is meant for logs and the developer, not for a client (the runtime sends a generic {@code server_error}).
 */
public class TemplateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String templateName;
    private final Integer line;

    public TemplateException(String templateName, Integer line, String message, Throwable cause) {
        super(message, cause);
        this.templateName = templateName;
        this.line = line;
    }

    /** The template name as asked for ({@code counter}). */
    public String templateName() {
        return templateName;
    }

    /** The line in the template, or {@code null} when unknown. */
    public Integer line() {
        return line;
    }
}
