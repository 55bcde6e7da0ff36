package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.http.AjaxTestClient;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The demo chat on a shared database, as a cluster runs it: a private PostgreSQL ({@link PostgresProcess}) and two
 * Payara Micro instances ({@code --nocluster}: the chat's history needs no grid) whose {@code DIFFYNE_DEMO_DB_URL},
 * {@code _USER} and {@code _PASSWORD} name it. A message sent on one instance is in the other's chat history when
 * its page renders, stored once; both say where the messages are (the page, the log, the readiness check with the
 * database's kind) and neither logs the password. Skipped, saying why, only where PostgreSQL's server binaries are
 * not installed ({@code .ci/run} installs them).
 */
@Timeout(120)
class ChatOnPostgresIT {

    private static final String KEY = "chat-postgres-key-0123456789abcdef";

    private static PostgresProcess postgres;
    private static PayaraMicroProcess first;
    private static PayaraMicroProcess second;

    @BeforeAll
    @Timeout(300)
    static void start() throws Exception {
        Path bin = PostgresProcess.binaries().orElse(null);
        Assumptions.assumeTrue(bin != null, "ChatOnPostgresIT skipped: PostgreSQL's server binaries are not in"
                + " /usr/lib/postgresql/<version>/bin (apt-get install postgresql)");
        postgres = PostgresProcess.start("chat-postgres-db", bin, Duration.ofSeconds(60));
        List<String> settings = List.of("-DDIFFYNE_WS_KEY=" + KEY, "-DDIFFYNE_DEMO_DB_URL=" + postgres.url(),
                "-DDIFFYNE_DEMO_DB_USER=" + PostgresProcess.USER, "-DDIFFYNE_DEMO_DB_PASSWORD=" + postgres.password());
        first = PayaraMicroProcess.start("chat-postgres-1", settings);
        second = PayaraMicroProcess.start("chat-postgres-2", settings);
        first.awaitHealthy(first.base(), Duration.ofSeconds(240));
        second.awaitHealthy(second.base(), Duration.ofSeconds(240));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable started : new AutoCloseable[] {first, second, postgres}) {
            if (started != null) {
                started.close();
            }
        }
    }

    @Test
    void aMessageSentOnOneInstanceIsInTheOthersHistoryStoredOnce() throws Exception {
        String room = "pg-" + UUID.randomUUID().toString().substring(0, 8);
        String text = "hello from the first instance " + UUID.randomUUID();
        AjaxTestClient sender = new AjaxTestClient(first.base());
        JsonObject snapshot = sender.snapshotFromPage("chat?room=" + room + "&name=ada", "chat-room");
        HttpResponse<String> sent = sender.postJson("update", Json.createObjectBuilder().add("type", "call")
                .add("requestId", "pg-say").add("snapshot", snapshot).add("method", "sendMessage")
                .add("updates", Json.createObjectBuilder().add("newMessage", text)).build().toString());
        assertEquals(200, sent.statusCode(), sent.body());

        Document page = Jsoup.parse(new AjaxTestClient(second.base()).componentOnPage("chat?room=" + room, "chat-room")
                .outerHtml());
        assertEquals(List.of("ada " + text), page.select("ol.messages li b").stream()
                .map(b -> b.text() + " " + b.nextSibling().toString().strip()).toList(), page.outerHtml());
        assertEquals("Messages are kept in database (JPA).", page.select("p.storage").text());

        try (Connection connection = postgres.connect(PostgresProcess.DATABASE);
             PreparedStatement query = connection.prepareStatement(
                     "SELECT COUNT(*) FROM DIFFYNE_CHAT_MESSAGE WHERE ROOM = ? AND AUTHOR = 'ada' AND BODY = ?")) {
            query.setString(1, room);
            query.setString(2, text);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                assertEquals(1, rows.getInt(1), "the message is stored once, in PostgreSQL");
            }
        }
    }

    @Test
    void bothInstancesSayTheDatabaseAndNeitherLogsThePassword() throws Exception {
        String line = "Demo chat messages are kept in database (JPA) on postgresql, " + postgres.url() + " as "
                + PostgresProcess.USER + " with a password";
        for (PayaraMicroProcess instance : new PayaraMicroProcess[] {first, second}) {
            PlatformHealth ready = PlatformHealth.get(instance.base().resolve("/health/ready"));
            assertEquals("UP", ready.status(), ready.toString());
            assertEquals("UP", ready.checks().get("demo-chat-storage").getString("status"), ready.toString());
            assertEquals("database", ready.data("demo-chat-storage", "storage"), ready.toString());
            assertEquals("postgresql", ready.data("demo-chat-storage", "database"), ready.toString());
            String log = instance.output();
            assertTrue(log.contains(line), "no '" + line + "' in the log:\n" + log);
            assertFalse(log.contains(postgres.password()), "the password is in the log");
            instance.assertNoSevereSince(0);
        }
    }
}
