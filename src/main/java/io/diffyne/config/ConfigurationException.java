package io.diffyne.config;

/** A setting has a value Diffyne cannot use. The message names the variable, the value's problem and what is allowed. */
public class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }
}
