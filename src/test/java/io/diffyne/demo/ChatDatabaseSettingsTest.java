package io.diffyne.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.config.ConfigurationException;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ChatDatabaseSettingsTest {

    private static ChatDatabaseSettings load(Map<String, String> values) {
        return ChatDatabaseSettings.load(name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void withoutAUrlTheServersDefaultDatasourceIsUsed() {
        ChatDatabaseSettings settings = load(Map.of());
        assertFalse(settings.configured());
        assertEquals("the server's default datasource (DIFFYNE_DEMO_DB_URL is not set)", settings.describe());
        assertFalse(load(Map.of("DIFFYNE_DEMO_DB_URL", "  ")).configured(), "blank counts as unset");
    }

    @Test
    void aPostgresqlUrlWithUserAndPasswordIsTakenAndThePasswordNeverShown() {
        ChatDatabaseSettings settings = load(Map.of("DIFFYNE_DEMO_DB_URL", " jdbc:postgresql://db:5432/diffyne ",
                "DIFFYNE_DEMO_DB_USER", "diffyne", "DIFFYNE_DEMO_DB_PASSWORD", "s3cret-pw"));
        assertTrue(settings.configured());
        assertEquals(Optional.of("jdbc:postgresql://db:5432/diffyne"), settings.url());
        assertEquals(Optional.of("diffyne"), settings.user());
        assertEquals(Optional.of("s3cret-pw"), settings.password());
        assertEquals("postgresql", settings.kind());
        assertEquals("jdbc:postgresql://db:5432/diffyne as diffyne with a password", settings.describe());
        assertFalse(settings.toString().contains("s3cret-pw"), settings.toString());
    }

    @Test
    void aPasswordInTheUrlIsMaskedWhereverTheUrlIsShown() {
        ChatDatabaseSettings settings = load(Map.of("DIFFYNE_DEMO_DB_URL",
                "jdbc:postgresql://127.0.0.1:5433/chat?user=app&password=hunter2&ssl=false"));
        assertEquals("jdbc:postgresql://127.0.0.1:5433/chat?user=app&password=****&ssl=false as the driver's default "
                + "user without a password", settings.describe());
    }

    @Test
    void aMalformedOrForeignUrlFailsNamingTheVariableAndWhatIsAllowed() {
        for (String url : new String[] {"postgresql://db/diffyne", "jdbc:mysql://db/diffyne", "jdbc:postgresql://db:99999/x",
                "db:5432"}) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> load(Map.of("DIFFYNE_DEMO_DB_URL", url)), url);
            assertEquals("DIFFYNE_DEMO_DB_URL='" + url + "' is not valid: expected a PostgreSQL JDBC URL, "
                    + "jdbc:postgresql://host[:port]/database (the WAR bundles PostgreSQL's driver only)", e.getMessage());
        }
        ConfigurationException masked = assertThrows(ConfigurationException.class,
                () -> load(Map.of("DIFFYNE_DEMO_DB_URL", "jdbc:oracle:thin:@db?password=hunter2")));
        assertFalse(masked.getMessage().contains("hunter2"), masked.getMessage());
    }

    @Test
    void aUserOrPasswordWithoutAUrlFails() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> load(Map.of("DIFFYNE_DEMO_DB_PASSWORD", "s3cret-pw")));
        assertEquals("DIFFYNE_DEMO_DB_PASSWORD is set but DIFFYNE_DEMO_DB_URL is not: set DIFFYNE_DEMO_DB_URL (e.g. "
                + "jdbc:postgresql://db:5432/diffyne) for the chat's database, or unset DIFFYNE_DEMO_DB_PASSWORD to keep "
                + "the server's default datasource", e.getMessage());
        assertThrows(ConfigurationException.class, () -> load(Map.of("DIFFYNE_DEMO_DB_USER", "diffyne")));
    }
}
