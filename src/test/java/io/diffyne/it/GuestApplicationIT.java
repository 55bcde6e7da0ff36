package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * The {@link GuestChecks} on Payara Micro: the guest application's WAR (built by the invoker from src/test/guest
 * against this build's framework jar, system property {@code diffyne.guest.war}) deployed alone under {@code /guest}.
 * Diffyne logs nothing SEVERE meanwhile (the application's own failure, which Payara logs, is not Diffyne's).
 */
@Timeout(120)
class GuestApplicationIT implements GuestChecks {

    private static final Pattern SEVERE_BLOCK = Pattern.compile("(?s)SEVERE.*?(?=\\n\\[|\\z)");

    private static PayaraMicroProcess payara;
    private static int readyAt;

    @BeforeAll
    @Timeout(240)
    static void start() throws Exception {
        payara = PayaraMicroProcess.start("guest", List.of(), PayaraMicroProcess.required("diffyne.guest.war"));
        payara.awaitHealthy(payara.base("guest").resolve("_diffyne/"), Duration.ofSeconds(200));
        readyAt = payara.output().length();
    }

    @AfterAll
    static void stop() throws Exception {
        if (payara != null) {
            payara.close();
        }
    }

    @AfterEach
    void diffyneLoggedNothingSevere() {
        Matcher severe = SEVERE_BLOCK.matcher(payara.output().substring(readyAt));
        while (severe.find()) {
            assertFalse(severe.group().contains("io.diffyne"), "a SEVERE line of Diffyne's:\n" + severe.group());
        }
    }

    @Override
    public URI guestBase() {
        return payara.base("guest");
    }
}
