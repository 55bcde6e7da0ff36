package io.diffyne.health;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET <context>/health}: a servlet because the REST application lives only under {@code /_diffyne}. Not
 * annotated: {@link HealthPath} maps it only where the platform serves no health of its own at that path.
 */
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient HealthCheck health;

    public HealthServlet(HealthCheck health) {
        this.health = health;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HealthReport report = health.report(request.getContextPath());
        byte[] body = report.toJson().toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(report.httpStatus());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
