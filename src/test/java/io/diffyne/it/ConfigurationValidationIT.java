package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A bad setting must stop the deployment with one message that names the variable and what is allowed. Payara Micro
 * is started here directly because the point is a deployment that fails, which Arquillian treats as an error.
 */
@Timeout(180)
class ConfigurationValidationIT {

    private static final String MESSAGE = "DIFFYNE_TRANSPORT='foo' is not valid: expected 'websocket' or 'ajax'";

    @Test
    void anInvalidTransportFailsTheDeploymentNamingTheVariable() throws Exception {
        try (PayaraMicroProcess payara = PayaraMicroProcess.start("configuration-validation",
                List.of("-DDIFFYNE_TRANSPORT=foo"))) {
            String output = payara.awaitOutput(
                    out -> out.contains(MESSAGE) && out.contains("Payara Micro ") && out.contains(" ready"),
                    Duration.ofSeconds(150));
            assertTrue(output.contains(MESSAGE), "expected the validation message in the server log:\n" + tail(output));

            // the server runs, the application does not: /diffyne/health is not served
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + payara.port() + "/diffyne/health"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, health.statusCode(), health.body());
        }
    }

    private static String tail(String output) {
        return output.length() <= 4000 ? output : output.substring(output.length() - 4000);
    }
}
