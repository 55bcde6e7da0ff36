package io.diffyne.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * One Payara Micro with the built WAR under {@code /diffyne} for every integration test class that needs no server
 * of its own: started (healthy) when the first such class runs, stopped by PID when the failsafe JVM's tests end (the
 * root store closes it). Starting a Payara Micro per class, as Arquillian's Payara Micro adapter does, cost about
 * 17 s each; a class that must see a fresh server (settings, a log to read, a crash) uses {@link OwnPayara}.
 * <p>
 * A class that Arquillian deploys ({@code @ExtendWith(ArquillianExtension.class)}, e.g. {@link PayaraMicroSmokeIT})
 * gets its server and {@code base} from Arquillian instead, and this extension leaves it alone.
 * <p>
 * The server's settings are {@code src/test/resources/arquillian.xml}'s, so both kinds of class see the same server:
 * {@code DIFFYNE_WS_HANDSHAKE_RATE} high, as every class connects from 127.0.0.1 (the handshake limit is tested on a
 * server of its own, {@link AjaxPolicyIT}). What the server logs while a test runs must hold no SEVERE line.
 */
final class SharedPayaraMicro implements TestInstancePostProcessor, BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SharedPayaraMicro.class);

    private static final String LOG_MARK = "log length before the test";

    /** arquillian.xml's, and a folder of this run's own for the uploads (not the default one in /tmp). */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx768m", "-Djava.net.preferIPv4Stack=true",
            "-DDIFFYNE_WS_HANDSHAKE_RATE=1000000", "-DDIFFYNE_UPLOAD_DIR=" + Path.of(
                    System.getProperty("diffyne.it.logs", "target/it-logs"), "shared-uploads").toAbsolutePath());

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws Exception {
        if (deployedByArquillian(context.getRequiredTestClass())) {
            return;
        }
        ((AbstractDiffyneIT) testInstance).base = server(context).payara.base().toURL();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!deployedByArquillian(context.getRequiredTestClass())) {
            context.getStore(NAMESPACE).put(LOG_MARK, server(context).payara.output().length());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Integer mark = context.getStore(NAMESPACE).get(LOG_MARK, Integer.class);
        if (mark != null) {
            server(context).payara.assertNoSevereSince(mark);
        }
    }

    private static Server server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Server.class, type -> Server.start(), Server.class);
    }

    private static boolean deployedByArquillian(Class<?> testClass) {
        return AnnotationSupport.findRepeatableAnnotations(testClass, ExtendWith.class).stream()
                .flatMap(extendWith -> List.of(extendWith.value()).stream())
                .anyMatch(ArquillianExtension.class::equals);
    }

    /** The running server; closing the store stops it. */
    private static final class Server implements ExtensionContext.Store.CloseableResource {

        private final PayaraMicroProcess payara;

        private Server(PayaraMicroProcess payara) {
            this.payara = payara;
        }

        static Server start() {
            PayaraMicroProcess payara = null;
            try {
                payara = PayaraMicroProcess.start("shared", JVM_OPTIONS);
                payara.awaitHealthy(payara.base(), Duration.ofSeconds(200));
                return new Server(payara);
            } catch (Exception | AssertionError e) {
                stopQuietly(payara);
                throw new IllegalStateException("the shared Payara Micro did not start", e);
            }
        }

        private static void stopQuietly(PayaraMicroProcess payara) {
            if (payara == null) {
                return;
            }
            try {
                payara.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() throws InterruptedException {
            payara.close();
        }
    }
}
