/**
 * The virtual DOM: an immutable tree of {@link io.diffyne.vdom.VNode}s, built from a component template's rendered
 * HTML by {@link io.diffyne.vdom.HtmlParser} (HTML5 tree construction, so the tree matches what a browser builds) and
 * written back to HTML by {@link io.diffyne.vdom.HtmlWriter}.
 *
 * <p>Depends on the JDK and jsoup (the HTML5 parser) only. See docs/protocol.md section 5 for the child rule.
 */
package io.diffyne.vdom;
