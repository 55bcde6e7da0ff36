package io.diffyne.it;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Payara Micro of a test class's own (settings read at deployment, a log to read), as a JUnit extension:
 * {@code @RegisterExtension static final OwnPayara PAYARA = new OwnPayara("name", List.of("-DDIFFYNE_…=…"))}. Started
 * healthy before the class's tests, stopped after them; after each test, its log since the server was ready must hold
 * no SEVERE line.
 */
final class OwnPayara implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    private final String name;
    private final List<String> jvmOptions;
    private PayaraMicroProcess payara;
    private int readyAt;

    OwnPayara(String name, List<String> jvmOptions) {
        this.name = name;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** The application's root, {@code http://127.0.0.1:<port>/diffyne/}. */
    URI base() {
        return payara.base();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        payara = PayaraMicroProcess.start(name, jvmOptions);
        payara.awaitHealthy(payara.base(), Duration.ofSeconds(200));
        readyAt = payara.output().length();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        payara.assertNoSevereSince(readyAt);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (payara != null) {
            payara.close();
        }
    }
}
