/**
 * The example application: the scenarios a newcomer sees at {@code /} (counter, todo list, contact form, live search,
 * confirmation modal, page-change logger, chat room). Compiles against {@code io.diffyne.component} only, like any
 * application would.
 */
package io.diffyne.demo;
