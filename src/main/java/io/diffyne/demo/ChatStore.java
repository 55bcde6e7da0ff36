package io.diffyne.demo;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The chat's messages: through JPA on the server's default datasource where the server has one (Payara, WildFly),
 * in memory where it has none (a plain servlet container). The persistence unit is declared on the class, not
 * injected, so a server without JPA still deploys the WAR; it is looked up once at start.
 */
@ApplicationScoped
@PersistenceUnit(name = ChatStore.UNIT_REF, unitName = "diffyne-demo")
public class ChatStore {

    static final String UNIT_REF = "persistence/diffyne-demo";
    static final int KEEP = 50;
    private static final Logger LOG = Logger.getLogger("diffyne.demo");

    private ChatLog log;

    @PostConstruct
    void open() {
        log = jpa();
        LOG.info(() -> "Demo chat messages are kept in " + log.description());
    }

    // opened with the application, on the deployment thread: the lookup needs this application's java:comp, which a
    // first use from elsewhere lacks (Payara's health at / calls the readiness check from its own application)
    void startWithApplication(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // observing creates the bean, and open() has run
    }

    private static ChatLog jpa() {
        try {
            Object unit = new InitialContext().lookup("java:comp/env/" + UNIT_REF);
            if (unit instanceof EntityManagerFactory factory) {
                JpaChatLog jpa = new JpaChatLog(factory);
                jpa.latest("general", 1); // fails here, not on the first message, when the table cannot be used
                return jpa;
            }
        } catch (NamingException | RuntimeException | LinkageError e) {
            LOG.log(Level.INFO, "No usable default datasource for the demo chat ({0}); keeping messages in memory",
                    e.toString());
        }
        return new MemoryChatLog(KEEP);
    }

    public ChatMessage add(String room, String author, String text) {
        return log.add(room, author, text);
    }

    public List<ChatMessage> latest(String room) {
        return log.latest(room, KEEP);
    }

    /** "database" or "memory", as the demo's readiness check reports it. */
    public String storageKind() {
        return log instanceof JpaChatLog ? "database" : "memory";
    }

    /** "database (JPA)" or "memory". */
    public String storage() {
        return log.description();
    }
}
