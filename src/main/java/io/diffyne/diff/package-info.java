/**
 * The tree diff: {@link io.diffyne.diff.Differ} compares two {@link io.diffyne.vdom.VNode} trees and returns the
 * {@link io.diffyne.diff.Patch}es that turn the first into the second, applied in order on a live tree (protocol.md
 * section 5). Keyed children ({@code diff:key}) are moved, never rebuilt.
 *
 * <p>Depends on {@code io.diffyne.vdom} and the JDK only.
 */
package io.diffyne.diff;
