package io.diffyne.demo;

import io.diffyne.config.ConfigurationException;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The demo chat's own database settings, the demo's and not Diffyne's: {@code DIFFYNE_DEMO_DB_URL} (a PostgreSQL
 * JDBC URL: the WAR bundles PostgreSQL's driver), {@code DIFFYNE_DEMO_DB_USER} and {@code DIFFYNE_DEMO_DB_PASSWORD},
 * each a system property or else an environment variable; a blank value counts as unset. With no URL the chat keeps
 * its messages in the server's default datasource, or in memory where there is none. A bad value fails the
 * deployment with a {@link ConfigurationException} naming the variable; the password is never shown, nor one written
 * into the URL.
 *
 * @param url      the JDBC URL, empty when the chat uses the server's default datasource
 * @param user     the database user, empty: the driver's default (the URL's {@code user=}, else the OS user)
 * @param password the user's password, empty: none
 */
record ChatDatabaseSettings(Optional<String> url, Optional<String> user, Optional<String> password) {

    static final String URL = "DIFFYNE_DEMO_DB_URL";
    static final String USER = "DIFFYNE_DEMO_DB_USER";
    static final String PASSWORD = "DIFFYNE_DEMO_DB_PASSWORD";

    /** {@code password=…} in a URL's parameters, masked wherever the URL is shown. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)([?&]password=)[^&]*");

    /** Reads the settings from system properties, then the environment. */
    static ChatDatabaseSettings fromSystem() {
        return load(name -> Optional.ofNullable(System.getProperty(name)).or(() -> Optional.ofNullable(System.getenv(name))));
    }

    static ChatDatabaseSettings load(Function<String, Optional<String>> source) {
        Optional<String> url = present(source, URL);
        Optional<String> user = present(source, USER);
        Optional<String> password = present(source, PASSWORD);
        if (url.isEmpty()) {
            for (String other : new String[] {USER, PASSWORD}) {
                if (present(source, other).isPresent()) {
                    throw new ConfigurationException(other + " is set but " + URL + " is not: set " + URL + " (e.g. "
                            + "jdbc:postgresql://db:5432/diffyne) for the chat's database, or unset " + other
                            + " to keep the server's default datasource");
                }
            }
            return new ChatDatabaseSettings(url, user, password);
        }
        if (!new org.postgresql.Driver().acceptsURL(url.get())) {
            throw new ConfigurationException(URL + "='" + masked(url.get()) + "' is not valid: expected a PostgreSQL "
                    + "JDBC URL, jdbc:postgresql://host[:port]/database (the WAR bundles PostgreSQL's driver only)");
        }
        return new ChatDatabaseSettings(url, user, password);
    }

    private static Optional<String> present(Function<String, Optional<String>> source, String name) {
        return source.apply(name).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** Whether a database is named: otherwise the chat uses the server's default datasource. */
    boolean configured() {
        return url.isPresent();
    }

    /** The kind of database the URL names, {@code postgresql}: its JDBC subprotocol. */
    String kind() {
        String value = url.orElseThrow();
        return value.substring("jdbc:".length(), value.indexOf(':', "jdbc:".length()));
    }

    /** For the log: the URL with any password in it masked, the user, whether a password is set, never its value. */
    String describe() {
        if (!configured()) {
            return "the server's default datasource (" + URL + " is not set)";
        }
        return masked(url.get()) + " as " + user.orElse("the driver's default user")
                + (password.isPresent() ? " with a password" : " without a password");
    }

    static String masked(String url) {
        return URL_PASSWORD.matcher(url).replaceAll("$1****");
    }

    @Override
    public String toString() {
        return "ChatDatabaseSettings[" + describe() + "]";
    }
}
