package io.diffyne.demo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The chat's messages: through JPA on the database {@link ChatDatabaseSettings} name (a cluster's instances share
 * it), else on the server's default datasource where the server has one (Payara, WildFly), else in memory (a plain
 * servlet container, or a server without a default datasource). Opened once, when the application starts.
 */
@ApplicationScoped
public class ChatStore {

    static final int KEEP = 50;
    static final int READ_ROOMS = 64;
    private static final Logger LOG = Logger.getLogger("diffyne.demo");

    private ChatLog log;
    /**
     * The last read of each room that {@link #latestWith} made, for the most recently read {@link #READ_ROOMS} rooms:
     * at most that many times {@link #KEEP} messages of at most 500 characters (about 4 MB at worst).
     */
    private final Map<String, List<ChatMessage>> reads = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<ChatMessage>> eldest) {
                    return size() > READ_ROOMS;
                }
            });

    @PostConstruct
    void open() {
        ChatDatabaseSettings settings;
        try {
            settings = ChatDatabaseSettings.fromSystem();
            log = settings.configured() ? configured(settings) : defaultDatasourceOrMemory();
        } catch (RuntimeException e) {
            // said here: a container that wraps the failure of this bean's start (Weld on Payara) would not print it
            LOG.severe(e.getMessage());
            throw e;
        }
        LOG.info(() -> "Demo chat messages are kept in " + log.description()
                + databaseKind().map(kind -> " on " + kind + ", " + settings.describe()).orElse(""));
    }

    // opened with the application, on the deployment thread: the default datasource's name needs this application's
    // java:comp, which a first use from elsewhere lacks (Payara's health at / calls the readiness check from its own
    // application); a bad setting fails the deployment then, not the first chat page
    void startWithApplication(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // observing creates the bean, and open() has run
    }

    @PreDestroy
    void close() {
        if (log != null) {
            log.close();
        }
        if (log instanceof JpaChatLog) {
            ChatDatabase.releaseDrivers();
        }
    }

    /** A named database is used or the deployment fails: a cluster's instances must not each keep their own chat. */
    private static ChatLog configured(ChatDatabaseSettings settings) {
        try {
            return ChatDatabase.configured(settings);
        } catch (LinkageError e) {
            throw new IllegalStateException(ChatDatabaseSettings.URL + " is set but this server has no JPA provider "
                    + "(" + e + "): unset it, the demo chat then keeps its messages in memory", e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("The demo chat's database " + settings.describe() + " cannot be used ("
                    + ChatDatabaseSettings.URL + ", " + ChatDatabaseSettings.USER + ", " + ChatDatabaseSettings.PASSWORD
                    + "): " + rootMessage(e), e);
        }
    }

    private static ChatLog defaultDatasourceOrMemory() {
        try {
            return ChatDatabase.defaultDatasource();
        } catch (Exception | LinkageError e) {
            LOG.log(Level.INFO, "No usable default datasource for the demo chat ({0}); keeping messages in memory",
                    e.toString());
        }
        return new MemoryChatLog(KEEP);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    public ChatMessage add(String room, String author, String text) {
        return log.add(room, author, text);
    }

    public List<ChatMessage> latest(String room) {
        return log.latest(room, KEEP);
    }

    /**
     * The latest messages of {@code room} as a read that already shows message {@code id} found them, else read
     * now: a broadcast names the message it announces, and every receiver of it on this instance (a thousand chat
     * pages each with their own author) needs the same list, which one read gives them all instead of one read each.
     * A read that shows the message saw everything committed before it was announced; later messages are announced
     * by their own broadcasts, which read again. Each caller gets its own copy.
     */
    public List<ChatMessage> latestWith(String room, long id) {
        List<ChatMessage> held = reads.get(room);
        if (held == null || held.stream().noneMatch(m -> m.id() == id)) {
            held = List.copyOf(latest(room));
            reads.put(room, held);
        }
        return new java.util.ArrayList<>(held);
    }

    /** "database" or "memory", as the demo's readiness check reports it. */
    public String storageKind() {
        return log instanceof JpaChatLog ? "database" : "memory";
    }

    /** The database's kind ({@code postgresql}, {@code h2}) when the messages are in one. */
    public Optional<String> databaseKind() {
        return log instanceof JpaChatLog jpa ? Optional.of(jpa.kind()) : Optional.empty();
    }

    /** "database (JPA)" or "memory". */
    public String storage() {
        return log.description();
    }
}
