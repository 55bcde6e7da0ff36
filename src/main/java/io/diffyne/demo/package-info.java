/**
 * The example application: the scenarios a newcomer sees at {@code /} (counter, todo list, contact form, live search,
 * confirmation modal, page-change logger, chat room). Compiles against {@code io.diffyne.component} only, like any
 * application would, plus the Jakarta EE APIs an application uses (CDI, Bean Validation, JPA for the chat's messages
 * on the server's default datasource, with an in-memory fallback).
 */
package io.diffyne.demo;
