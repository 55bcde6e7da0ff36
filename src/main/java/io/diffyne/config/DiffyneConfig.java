package io.diffyne.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import java.util.logging.Logger;

/**
 * The application's configuration, read and validated once when the application starts. A bad value fails the
 * deployment with a {@link ConfigurationException} naming the variable; the effective settings are logged once at
 * INFO with secrets masked.
 */
@ApplicationScoped
public class DiffyneConfig {

    private static final Logger LOG = Logger.getLogger("diffyne.config");

    private DiffyneSettings settings;

    @PostConstruct
    void load() {
        try {
            settings = DiffyneSettings.load(new SettingSource());
        } catch (ConfigurationException e) {
            // said here, once, whichever bean first needed the settings: a container that wraps the failure of that
            // bean's own start (Weld's WELD-000049 on Payara) would not print this message
            LOG.severe(e.getMessage());
            throw e;
        }
        if (settings.wsKeyGenerated()) {
            LOG.warning(DiffyneSettings.WS_KEY + " is not set: using a random key for this start. Set it (and "
                    + DiffyneSettings.SIGNING_KEY + ") to the same value on every instance, or a cluster's instances "
                    + "will reject each other's clients and snapshots, and every restart invalidates open pages.");
        }
        LOG.info("Diffyne configuration: " + settings.describe());
    }

    /** Forces loading (and so validation) at deployment instead of on first use. */
    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        settings();
    }

    public DiffyneSettings settings() {
        return settings;
    }
}
