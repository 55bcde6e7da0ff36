/**
 * What every transport's HTTP endpoint shares: {@link io.diffyne.transport.DiffyneEndpoint}, which keeps Diffyne's
 * Jakarta REST resources to Diffyne's own application when a host application's runtime picks them up too. Depends
 * on the Servlet and Jakarta REST APIs only; {@code transport.http}, {@code transport.websocket} and {@code health}
 * depend on it.
 */
package io.diffyne.transport;
