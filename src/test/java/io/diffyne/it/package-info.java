/**
 * Integration tests ({@code *IT}, run by failsafe): the real {@code target/diffyne.war} on Payara Micro, through
 * {@link io.diffyne.it.AbstractDiffyneIT} (Arquillian, one deployment for all) or, for tests about startup itself,
 * a Payara Micro process of their own ({@link io.diffyne.it.PayaraMicroProcess}). Clients are the JDK's.
 */
package io.diffyne.it;
