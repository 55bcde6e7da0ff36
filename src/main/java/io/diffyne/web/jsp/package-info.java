/**
 * The JSP tag library ({@code META-INF/diffyne.tld}, URI {@code urn:diffyne:tags}): {@code <diffyne:component>}
 * mounts a component, {@code <diffyne:scripts/>} writes the client bootstrap. Both go through the page API,
 * {@link io.diffyne.web.DiffynePage}, which EL also reaches as {@code ${diffyne}}.
 */
package io.diffyne.web.jsp;
