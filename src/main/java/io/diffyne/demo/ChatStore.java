package io.diffyne.demo;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Keeps the latest messages of each room (bounded), shared by every client of this instance. */
@ApplicationScoped
public class ChatStore {

    static final int KEEP = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Map<String, Deque<ChatMessage>> rooms = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    public ChatMessage add(String room, String author, String text) {
        ChatMessage message = new ChatMessage(ids.incrementAndGet(), author, text, LocalTime.now().format(TIME));
        Deque<ChatMessage> messages = rooms.computeIfAbsent(room, r -> new ArrayDeque<>());
        synchronized (messages) {
            messages.addLast(message);
            while (messages.size() > KEEP) {
                messages.removeFirst();
            }
        }
        return message;
    }

    public List<ChatMessage> latest(String room) {
        Deque<ChatMessage> messages = rooms.get(room);
        if (messages == null) {
            return new ArrayList<>();
        }
        synchronized (messages) {
            return new ArrayList<>(messages);
        }
    }
}
