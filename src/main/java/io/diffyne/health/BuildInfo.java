package io.diffyne.health;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Facts about this build, from {@code diffyne/build.properties}, which Maven filters at build time so the version is
 * written once, in the pom.
 */
public final class BuildInfo {

    static final String RESOURCE = "/diffyne/build.properties";
    private static final String VERSION = version(BuildInfo.class.getResourceAsStream(RESOURCE));

    private BuildInfo() {
    }

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return VERSION;
    }

    static String version(InputStream in) {
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the WAR: build it with Maven");
        }
        Properties properties = new Properties();
        try (in) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        String version = properties.getProperty("version", "");
        if (version.isBlank() || version.startsWith("${")) {
            throw new IllegalStateException(RESOURCE + " has no filtered version: enable resource filtering for it");
        }
        return version;
    }
}
