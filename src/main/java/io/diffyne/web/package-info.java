/**
 * First-page rendering: the page API ({@link io.diffyne.web.DiffynePage}: mount a component into any page, plus the
 * client bootstrap), Pebble pages under {@code pages/} with the {@code diffyne(...)} and {@code diffyneScripts()}
 * functions, and the servlet that serves them. Depends on {@code runtime} and {@code config}.
 */
package io.diffyne.web;
