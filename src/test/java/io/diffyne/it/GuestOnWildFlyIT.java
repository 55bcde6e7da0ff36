package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * The {@link GuestChecks} on WildFly (RESTEasy): the guest application's WAR deployed alone as {@code guest.war} on a
 * server of its own. Diffyne logs no ERROR or SEVERE line meanwhile (the application's own failure, which WildFly
 * logs, is not Diffyne's).
 */
@Timeout(120)
class GuestOnWildFlyIT implements GuestChecks {

    private static final Pattern ERROR_LINE = Pattern.compile("(?m)^.*\\b(ERROR|SEVERE)\\b.*$");

    private static WildFlyProcess wildfly;

    @BeforeAll
    @Timeout(240)
    static void start() throws Exception {
        wildfly = WildFlyProcess.start("guest-wildfly", List.of(),
                ServerFolders.required("diffyne.guest.war", false), "guest.war");
        wildfly.awaitDeployed(Duration.ofSeconds(200));
    }

    @AfterAll
    static void stop() throws Exception {
        if (wildfly != null) {
            wildfly.close();
        }
    }

    @AfterEach
    void diffyneLoggedNoError() {
        List<String> errors = ERROR_LINE.matcher(wildfly.output()).results().map(r -> r.group())
                .filter(line -> !line.contains("shop.") && !line.contains("the shop's own failure")).toList();
        assertEquals(List.of(), errors);
    }

    @Override
    public URI guestBase() {
        return wildfly.base();
    }
}
