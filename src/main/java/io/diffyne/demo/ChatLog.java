package io.diffyne.demo;

import java.util.List;

/** Where chat messages are kept: a database through JPA when the server has one, memory otherwise. */
interface ChatLog {

    /** Stores a message and returns it with its id and time. */
    ChatMessage add(String room, String author, String text);

    /** The newest {@code limit} messages of {@code room}, oldest first. */
    List<ChatMessage> latest(String room, int limit);

    /** Shown on the chat page: "database (JPA)" or "memory". */
    String description();

    /** Releases what the log holds (a database's connections) when the application ends. */
    default void close() {
    }
}
