package io.diffyne.fuzz;

import io.diffyne.transport.websocket.TestSocket;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One WebSocket connection fed generated and mutated envelopes of every client event (and some of no event), one at a
 * time: every message must be answered with a response, an error, a pong or a resumed (broadcast pushes in between are
 * checked and skipped), never with {@code server_error} or a leak. Only a message over the size limit may close the
 * connection (1009), and a binary one (1003); on any close the lane reconnects and carries on.
 */
final class WebSocketLane extends FuzzLane {

    private static final Duration ANSWER = Duration.ofSeconds(15);
    private static final Pattern ANSWER_KIND = Pattern.compile(
            "^\\{\"event\":\"diffyne\\.(response|error|pong|resumed|push)\"(?:.*?\"type\":\"([a-z_]+)\")?");
    private static final List<String> EVENTS = List.of("diffyne.call", "diffyne.update", "diffyne.ping",
            "diffyne.resume", "diffyne.pong", "diffyne.connected", "diffyne.push", "diffyne.", "", "DIFFYNE.CALL");

    private TestSocket socket;

    WebSocketLane(Lane lane) {
        super(lane);
    }

    @Override
    void done() {
        if (socket != null) {
            socket.close();
        }
    }

    private void connect(long index) {
        if (socket != null) {
            socket.close();
        }
        socket = TestSocket.connectAsPage(base, TestSocket.pageToken(base));
        if (index > 0) {
            findings.count("ws reconnects");
        }
    }

    @Override
    void one(long index) {
        if (socket == null || socket.isClosed()) {
            connect(index);
        }
        Random random = generator.random();
        int kind = random.nextInt(1000);
        if (kind < 3) {
            expectClose(index, generator.oversized(), 1009);
            return;
        }
        if (kind < 5) {
            findings.count("ws messages");
            findings.count("ws sent binary");
            socket.sendBinaryAsync(generator.token(16).getBytes(StandardCharsets.US_ASCII));
            awaitClose(index, "(binary)", 1003);
            return;
        }
        String text = escapeLoneSurrogates(envelope());
        if (text.length() > generator.maxMessageSizeChars() / 4
                && text.getBytes(StandardCharsets.UTF_8).length > generator.maxMessageSizeChars()) {
            expectClose(index, text, 1009);
            return;
        }
        findings.count("ws messages");
        if (!socket.trySend(text, ANSWER)) {
            findings.fail(name, index, "send failed (connection lost)", text, String.valueOf(closedNow()));
            return;
        }
        while (true) {
            String answer = socket.poll(ANSWER);
            if (answer == null) {
                findings.fail(name, index, socket.isClosed() ? "closed: " + closedNow() : "no answer within " + ANSWER,
                        text, null);
                socket.close();
                socket = null;
                return;
            }
            Matcher kindOf = ANSWER_KIND.matcher(answer);
            if (!kindOf.find()) {
                findings.fail(name, index, "unexpected answer", text, answer);
                return;
            }
            findings.checkBody(name, index, text, answer);
            String event = kindOf.group(1);
            findings.count("ws answer " + event + (kindOf.group(2) == null || event.equals("pong") ? ""
                    : " " + kindOf.group(2)));
            if (!event.equals("push")) {
                return;
            }
        }
    }

    private Object closedNow() {
        return socket.isClosed() ? socket.awaitClose(Duration.ZERO) : "open";
    }

    private void expectClose(long index, String text, int code) {
        findings.count("ws messages");
        findings.count("ws sent oversized");
        socket.trySend(text, ANSWER); // the server may close while this is still being written
        awaitClose(index, text, code);
    }

    /**
     * {@code code}, or 1006: the JDK client reports a write that the server's close cut short as an error, even when
     * the close frame had arrived (see RawWebSocket).
     */
    private void awaitClose(long index, String text, int code) {
        long until = System.nanoTime() + ANSWER.toNanos();
        while (!socket.isClosed() && System.nanoTime() < until) {
            String answer = socket.poll(Duration.ofMillis(200));
            if (answer != null) {
                findings.checkBody(name, index, text, answer);
            }
        }
        if (!socket.isClosed()) {
            findings.fail(name, index, "not closed with " + code, text, null);
        } else {
            int closed = socket.awaitClose(Duration.ZERO).code();
            findings.count("ws close " + closed);
            if (closed != code && closed != 1006) {
                findings.fail(name, index, "closed with " + closed + ", expected " + code, text,
                        String.valueOf(socket.awaitClose(Duration.ZERO)));
            }
        }
        socket = null;
    }

    private String envelope() {
        Map<String, Object> envelope = new LinkedHashMap<>();
        int kind = generator.random().nextInt(100);
        String event = kind < 8 ? "diffyne.ping" : kind < 14 ? "diffyne.resume" : kind < 17 ? generator.pick(EVENTS)
                : generator.chance(0.5) ? "diffyne.call" : "diffyne.update";
        envelope.put("event", event);
        envelope.put("data", switch (event) {
            case "diffyne.ping" -> generator.chance(0.7) ? new LinkedHashMap<>(Map.of("t",
                    generator.random().nextInt(1_000_000))) : generator.value(2);
            case "diffyne.resume" -> resume();
            default -> generator.request(true);
        });
        Object tree = generator.chance(0.6) ? generator.mutate(envelope) : envelope;
        String text = FuzzJson.write(tree, true);
        return generator.chance(0.12) ? generator.damage(text) : text;
    }

    private Map<String, Object> resume() {
        Map<String, Object> channels = new LinkedHashMap<>();
        channels.put(generator.chance(0.7) ? "chat.fuzz" : generator.string(6), generator.value(0));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("channels", channels);
        data.put("components", new ArrayList<>(List.of(generator.snapshotVariant())));
        return data;
    }

    /** The JDK client refuses to send invalid UTF-16: lone surrogates left by text damage become escapes. */
    static String escapeLoneSurrogates(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (Character.isSurrogate(c) && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                out.append(Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }
}
