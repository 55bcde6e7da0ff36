package io.diffyne.transport.http;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.diffyne.runtime.OwnThreads;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The timer for SSE heartbeats and upload cleanup: the server's default {@code ManagedScheduledExecutorService}
 * (Jakarta Concurrency, in the Web Profile since EE 10), or, where there is none (Tomcat), one daemon thread of our
 * own that is shut down with the application.
 */
@ApplicationScoped
public class HttpScheduler {

    static final String DEFAULT_JNDI = "java:comp/DefaultManagedScheduledExecutorService";

    private ScheduledExecutorService executor;
    /** The thread of our own, or null when the executor is the server's. */
    private OwnThreads own;

    @PostConstruct
    void start() {
        try {
            executor = (ScheduledExecutorService) new InitialContext().lookup(DEFAULT_JNDI);
        } catch (NamingException | ClassCastException | NoClassDefFoundError e) {
            FailureMapper.LOG.log(Level.INFO, "No " + DEFAULT_JNDI + " here; using a thread of Diffyne's own for timers");
            own = OwnThreads.named("diffyne-http-timer");
            executor = Executors.newSingleThreadScheduledExecutor(own);
        }
    }

    public ScheduledExecutorService executor() {
        return executor;
    }

    /**
     * Stops a thread of our own and waits until it has ended (at most 5 s): Tomcat looks for leftovers as soon as we
     * stop.
     */
    @PreDestroy
    void stop() {
        if (own != null) {
            executor.shutdownNow();
            try {
                if (!own.awaitEnd(Duration.ofSeconds(5))) {
                    FailureMapper.LOG.warning("diffyne-http-timer still running 5 s after the application stopped");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
