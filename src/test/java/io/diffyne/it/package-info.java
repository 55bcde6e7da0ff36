/**
 * Integration tests ({@code *IT}, run by failsafe): the real {@code target/diffyne.war} on Payara Micro, through
 * {@link io.diffyne.it.AbstractDiffyneIT} (one {@link io.diffyne.it.SharedPayaraMicro} for all; {@code PayaraMicroSmokeIT}
 * deployed by Arquillian) or, for tests about startup itself, a Payara Micro process of their own
 * ({@link io.diffyne.it.PayaraMicroProcess}, {@link io.diffyne.it.OwnPayara}), or another server. Clients are the JDK's.
 */
package io.diffyne.it;
