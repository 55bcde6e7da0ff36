/**
 * The one place that reads configuration: the {@code DIFFYNE_*} settings from system properties, environment
 * variables and MicroProfile Config (where the server has it), validated once at deployment.
 * Depends on the JDK and CDI only; everything else asks {@link io.diffyne.config.DiffyneConfig}.
 */
package io.diffyne.config;
