package io.diffyne.bench.server;

import io.diffyne.trace.Stages;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;

/**
 * The WebSocket baseline: answers every text message with itself, synchronously, as a framework-free endpoint would.
 * No handshake check: it exists only in the benchmark WAR, which listens on loopback.
 */
@ServerEndpoint("/bench/echo")
public class EchoSocket {

    @OnMessage
    public void onMessage(Session session, String text) throws IOException {
        // timed as Diffyne's actions are (when a recording wants it): the stage table subtracts what the echo costs
        boolean timed = Stages.begin("echo-websocket");
        try {
            Stages.label("echo", "echo");
            session.getBasicRemote().sendText(text);
        } finally {
            if (timed) {
                Stages.end("echo.send");
            }
        }
    }
}
