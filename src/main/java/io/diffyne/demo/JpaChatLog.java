package io.diffyne.demo;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages in a database through the persistence unit {@code diffyne-demo} ({@link ChatDatabase} opens it), so they
 * survive a restart and every instance sharing the database sees them. The unit is RESOURCE_LOCAL: the store commits
 * its own short transactions and needs no JTA.
 */
final class JpaChatLog implements ChatLog {

    private final EntityManagerFactory factory;
    private final String kind;

    /** {@code kind}: the database's, lower case ({@code postgresql}, {@code h2}), as the readiness check reports it. */
    JpaChatLog(EntityManagerFactory factory, String kind) {
        this.factory = factory;
        this.kind = kind;
    }

    String kind() {
        return kind;
    }

    /** The application opened the factory, so it closes it (with its connections) when the application ends. */
    @Override
    public void close() {
        if (factory.isOpen()) {
            factory.close();
        }
    }

    @Override
    public ChatMessage add(String room, String author, String text) {
        EntityManager em = factory.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            ChatMessageRow row = new ChatMessageRow(room, author, text, Instant.now());
            em.persist(row);
            tx.commit();
            return row.toMessage();
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    @Override
    public List<ChatMessage> latest(String room, int limit) {
        EntityManager em = factory.createEntityManager();
        try {
            List<ChatMessageRow> newestFirst = em.createNamedQuery(ChatMessageRow.LATEST, ChatMessageRow.class)
                    .setParameter("room", room)
                    .setMaxResults(limit)
                    .getResultList();
            List<ChatMessage> messages = new ArrayList<>(newestFirst.size());
            for (int i = newestFirst.size() - 1; i >= 0; i--) {
                messages.add(newestFirst.get(i).toMessage());
            }
            return messages;
        } finally {
            em.close();
        }
    }

    @Override
    public String description() {
        return "database (JPA)";
    }
}
