package io.diffyne.transport.websocket;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Mapped exactly to {@code DIFFYNE_WS_PATH}, for two reasons: a plain HTTP request there gets a clear 426 instead of
 * whatever the container does, and an exact mapping keeps the container from treating the path as a static
 * directory (the client bundle lives under {@code /diffyne/}, the default WebSocket path, and Payara would answer the
 * upgrade with a 301 to {@code /diffyne/}). Upgrade requests never reach it: the container upgrades them first.
 */
final class UpgradeRequiredServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final byte[] BODY = ("{\"s\":false,\"error\":\"This is the Diffyne WebSocket endpoint: connect with a "
            + "WebSocket client\",\"type\":\"bad_request\"}").getBytes(StandardCharsets.UTF_8);

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(426);
        response.setHeader("Upgrade", "websocket");
        response.setHeader("Connection", "Upgrade");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setContentLength(BODY.length);
        response.getOutputStream().write(BODY);
    }
}
