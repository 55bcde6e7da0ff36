package io.diffyne.demo;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Opens the chat's persistence unit {@code diffyne-demo} (RESOURCE_LOCAL) from the application, never through the
 * container: on the database {@link ChatDatabaseSettings} name, or on the server's default datasource. A container
 * that deployed the unit itself would fail the whole deployment on a server without a default datasource (WildFly's
 * JPA subsystem does), before the chat could fall back to memory; the unit says {@code jboss.as.jpa.managed=false}.
 */
final class ChatDatabase {

    static final String UNIT = "diffyne-demo";
    static final String DEFAULT_DATASOURCE = "java:comp/DefaultDataSource";

    /**
     * EclipseLink keys its sessions by name: where the server deployed the unit itself as well (Payara does with
     * every unit it finds), a factory of the same name would be that one, on the default datasource.
     */
    private static final String SESSION = "diffyne-demo-chat";

    private ChatDatabase() {
    }

    /** The unit on the configured database, through the standard JDBC properties and the bundled driver. */
    static JpaChatLog configured(ChatDatabaseSettings settings) {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                "jakarta.persistence.jdbc.driver", org.postgresql.Driver.class.getName(),
                "jakarta.persistence.jdbc.url", settings.url().orElseThrow(),
                "eclipselink.session-name", SESSION));
        settings.user().ifPresent(user -> properties.put("jakarta.persistence.jdbc.user", user));
        settings.password().ifPresent(password -> properties.put("jakarta.persistence.jdbc.password", password));
        return opened(Persistence.createEntityManagerFactory(UNIT, properties), settings.kind());
    }

    /**
     * The unit on {@code java:comp/DefaultDataSource}, looked up here on the deployment thread (the name needs this
     * application's {@code java:comp}); a server without one throws {@link NamingException}, one whose database
     * cannot be reached {@link SQLException}.
     */
    static JpaChatLog defaultDatasource() throws NamingException, SQLException {
        DataSource dataSource = (DataSource) new InitialContext().lookup(DEFAULT_DATASOURCE);
        String kind;
        try (Connection connection = dataSource.getConnection()) {
            kind = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        }
        return opened(Persistence.createEntityManagerFactory(UNIT, Map.of(
                "jakarta.persistence.nonJtaDataSource", dataSource,
                "eclipselink.session-name", SESSION)), kind);
    }

    /**
     * Deregisters the JDBC drivers this application's class loader registered (the bundled PostgreSQL driver does on
     * loading), so the server's {@code DriverManager} does not keep the undeployed application's classes.
     */
    static void releaseDrivers() {
        ClassLoader own = ChatDatabase.class.getClassLoader();
        for (Driver driver : java.util.Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == own) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException | SecurityException e) {
                    java.util.logging.Logger.getLogger("diffyne.demo").log(java.util.logging.Level.FINE,
                            "Could not deregister " + driver, e);
                }
            }
        }
    }

    private static JpaChatLog opened(EntityManagerFactory factory, String kind) {
        JpaChatLog log = new JpaChatLog(factory, kind);
        try {
            log.latest("general", 1); // fails here, not on the first message, when the table cannot be used
            return log;
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }
}
