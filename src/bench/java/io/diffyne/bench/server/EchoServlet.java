package io.diffyne.bench.server;

import io.diffyne.trace.Stages;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** The HTTP baseline: {@code POST /bench/echo} answers its body (at most 1 MiB) as JSON. */
@WebServlet("/bench/echo")
public class EchoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY = 1 << 20;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean timed = Stages.begin("echo-ajax");
        try {
            Stages.label("echo", "echo");
            byte[] body = request.getInputStream().readNBytes(MAX_BODY);
            response.setContentType("application/json");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            if (timed) {
                Stages.mark("echo.write");
                response.flushBuffer(); // as StageFilter flushes Diffyne's answer
            }
        } finally {
            if (timed) {
                Stages.end("http.flush");
            }
        }
    }
}
