package io.diffyne.demo;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** One chat message as the component shows it. JSON: {@code {"at":"12:04:09","author":"Ada","id":7,"text":"hi"}} */
public record ChatMessage(long id, String author, String text, String at) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    static ChatMessage of(long id, String author, String text, Instant sentAt) {
        return new ChatMessage(id, author, text, LocalTime.ofInstant(sentAt, ZoneId.systemDefault()).format(TIME));
    }
}
