package io.diffyne.demo;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The fallback where the server has no default datasource: the latest messages of each room, per instance. */
final class MemoryChatLog implements ChatLog {

    private final Map<String, Deque<ChatMessage>> rooms = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final int keep;

    MemoryChatLog(int keep) {
        this.keep = keep;
    }

    @Override
    public ChatMessage add(String room, String author, String text) {
        ChatMessage message = ChatMessage.of(ids.incrementAndGet(), author, text, Instant.now());
        Deque<ChatMessage> messages = rooms.computeIfAbsent(room, r -> new ArrayDeque<>());
        synchronized (messages) {
            messages.addLast(message);
            while (messages.size() > keep) {
                messages.removeFirst();
            }
        }
        return message;
    }

    @Override
    public List<ChatMessage> latest(String room, int limit) {
        Deque<ChatMessage> messages = rooms.get(room);
        if (messages == null) {
            return new ArrayList<>();
        }
        synchronized (messages) {
            List<ChatMessage> all = new ArrayList<>(messages);
            return new ArrayList<>(all.subList(Math.max(0, all.size() - limit), all.size()));
        }
    }

    @Override
    public String description() {
        return "memory";
    }
}
