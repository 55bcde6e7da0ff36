package io.diffyne.config;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where raw setting values come from, first match wins: a system property, an environment variable, then
 * MicroProfile Config when the server provides it (Payara, WildFly). MicroProfile Config is reached reflectively so
 * the WAR still deploys on servers without it (Tomcat).
 */
final class SettingSource implements Function<String, Optional<String>> {

    private static final Logger LOG = Logger.getLogger("diffyne.config");

    private final Function<String, Optional<String>> microProfile = microProfileLookup();

    @Override
    public Optional<String> apply(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name);
        }
        if (value != null) {
            return Optional.of(value);
        }
        return microProfile.apply(name);
    }

    private static Function<String, Optional<String>> microProfileLookup() {
        try {
            Class<?> provider = Class.forName("org.eclipse.microprofile.config.ConfigProvider",
                    true, Thread.currentThread().getContextClassLoader());
            Object config = provider.getMethod("getConfig").invoke(null);
            Method getOptional = config.getClass().getMethod("getOptionalValue", String.class, Class.class);
            return name -> {
                try {
                    @SuppressWarnings("unchecked")
                    Optional<String> value = (Optional<String>) getOptional.invoke(config, name, String.class);
                    return value;
                } catch (ReflectiveOperationException | RuntimeException e) {
                    LOG.log(Level.FINE, "MicroProfile Config lookup failed for " + name, e);
                    return Optional.empty();
                }
            };
        } catch (ClassNotFoundException e) {
            return name -> Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "MicroProfile Config is present but unusable; using properties and environment", e);
            return name -> Optional.empty();
        }
    }
}
