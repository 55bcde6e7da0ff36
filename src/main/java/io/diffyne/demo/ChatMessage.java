package io.diffyne.demo;

/** One chat message. JSON: {@code {"at":"12:04","author":"Ada","id":7,"text":"hi"}} */
public record ChatMessage(long id, String author, String text, String at) {
}
