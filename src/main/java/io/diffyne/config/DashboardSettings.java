package io.diffyne.config;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The operations dashboard's settings: off by default; when on, open only to a caller in {@link #role} or holding
 * {@link #key}.
 *
 * @param enabled {@code DIFFYNE_DASHBOARD}: serve {@code <ctx>/_diffyne/dashboard} and {@code <ctx>/_diffyne/metrics}
 * @param role    {@code DIFFYNE_DASHBOARD_ROLE}: a container role whose users may open them
 * @param key     {@code DIFFYNE_DASHBOARD_KEY}: a secret (at least 16 characters) that opens them without a login
 */
public record DashboardSettings(boolean enabled, Optional<String> role, Optional<String> key) {

    public static final String ENABLED = "DIFFYNE_DASHBOARD";
    public static final String ROLE = "DIFFYNE_DASHBOARD_ROLE";
    public static final String KEY = "DIFFYNE_DASHBOARD_KEY";

    private static final Pattern ROLE_NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    public static DashboardSettings off() {
        return new DashboardSettings(false, Optional.empty(), Optional.empty());
    }

    /** Reads the settings from {@code trimmed} (name → trimmed, non-empty value). */
    static DashboardSettings load(Function<String, Optional<String>> trimmed) {
        boolean enabled = trimmed.apply(ENABLED).map(v -> DiffyneSettings.parseBoolean(ENABLED, v)).orElse(false);
        Optional<String> role = trimmed.apply(ROLE).map(DashboardSettings::parseRole);
        Optional<String> key = trimmed.apply(KEY);
        key.ifPresent(k -> DiffyneSettings.requireKeyLength(KEY, k));
        if (enabled && role.isEmpty() && key.isEmpty()) {
            throw new ConfigurationException(ENABLED + "=true but nobody may open the dashboard: set " + ROLE
                    + " (a role of your users) or " + KEY + " (a secret of at least " + DiffyneSettings.MIN_KEY_LENGTH
                    + " characters), or both");
        }
        return new DashboardSettings(enabled, role, key);
    }

    private static String parseRole(String value) {
        if (!ROLE_NAME.matcher(value).matches()) {
            throw DiffyneSettings.invalid(ROLE, value, "a role name of letters, digits, '_', '.', ':' or '-'");
        }
        return value;
    }

    public String describe() {
        return ENABLED + "=" + enabled + ", " + ROLE + "=" + role.orElse("(none)") + ", " + KEY + "="
                + (key.isPresent() ? "****" : "(none)");
    }

    @Override
    public String toString() {
        return "DashboardSettings[" + describe() + "]";
    }
}
