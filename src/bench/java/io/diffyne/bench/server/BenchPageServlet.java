package io.diffyne.bench.server;

import io.diffyne.web.DiffynePage;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /bench/page?c=counter&room=x}: a minimal page with one mounted component (its other query parameters are
 * the mount params; {@code c=todo-list&items=98} mounts the todo list with 98 items before its own two) and the client bootstrap, so each simulated client opens its own page session cheaply.
 */
@WebServlet("/bench/page")
public class BenchPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,64}");

    @Inject
    transient DiffynePage page;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String component = request.getParameter("c");
        if (component == null || !NAME.matcher(component).matches()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "c=<component name> is required");
            return;
        }
        Map<String, Object> params = new HashMap<>();
        request.getParameterMap().forEach((k, v) -> {
            if (!k.equals("c") && !k.equals("items") && v.length > 0) {
                params.put(k, v[0]);
            }
        });
        String items = request.getParameter("items");
        if ("todo-list".equals(component) && items != null && items.matches("\\d{1,3}")) {
            // a page freshly loaded with that many items (the todo list's mount adds its two after them)
            java.util.List<io.diffyne.demo.Todo> todos = new java.util.ArrayList<>();
            for (int i = 1; i <= Integer.parseInt(items); i++) {
                todos.add(new io.diffyne.demo.Todo(1000 + i, "Seed item " + i, false));
            }
            params.put("todos", todos);
            params.put("nextId", 2000);
        }
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>bench</title></head><body>"
                + page.mount(component, params) + page.scripts() + "</body></html>";
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        // bytes, not the writer: Grizzly keeps a response's writer buffer (16 KiB of chars) with the connection, so
        // every kept-alive page connection, and the socket that upgrades from it, held one
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
