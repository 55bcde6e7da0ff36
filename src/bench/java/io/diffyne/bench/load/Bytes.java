package io.diffyne.bench.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Figures 3 and 6: bytes per action through a {@link CountingProxy} (wire: everything on the TCP stream; payload: the
 * message text or HTTP body, UTF-8), and the size of the page and of the client script.
 */
final class Bytes {

    private final Target direct;

    Bytes(Target direct) {
        this.direct = direct;
    }

    Map<String, Object> measure() throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        try (CountingProxy proxy = new CountingProxy(direct.port())) {
            Target t = direct.via(proxy.port());
            HttpClient http = Wire.http();

            Map<String, Object> page = new LinkedHashMap<>();
            page.put("demo_index", get(proxy, http, t.base() + "/"));
            page.put("counter_only_page", get(proxy, http, t.base() + Counter.PAGE));
            page.put("client_script", get(proxy, http, t.base() + "/diffyne/diffyne.js"));
            page.put("demo_css", get(proxy, http, t.base() + "/demo.css"));
            page.put("demo_js", get(proxy, http, t.base() + "/demo.js"));
            out.put("page", page);

            ComponentClient ws = ComponentClient.open(t.base(), http, Counter.PAGE, t.diffyneSocket());
            Map<String, Object> counterWs = new LinkedHashMap<>();
            counterWs.put("first_click_full_snapshot", action(proxy, () -> Counter.click(ws)));
            counterWs.put("click", action(proxy, () -> Counter.click(ws)));
            ws.close();
            ComponentClient ajax = ComponentClient.open(t.base(), Wire.http(), Counter.PAGE, null);
            Counter.click(ajax);
            Map<String, Object> counterAjax = new LinkedHashMap<>();
            counterAjax.put("click", action(proxy, () -> Counter.click(ajax)));

            // a page freshly loaded with 100 items: its first action names the mounted snapshot (protocol v2); the
            // request the same action made with the full snapshot (v1) is given beside it
            ComponentClient fresh = ComponentClient.open(t.base(), http, Todos.PAGE + "&items=98", t.diffyneSocket());
            BenchFailure.check(fresh.snapshot.state.getJsonArray("todos").size() == 100, "the fresh page has "
                    + fresh.snapshot.state.getJsonArray("todos").size() + " items, not 100");
            String fullSnapshot = fresh.snapshot.json().toString();
            Map<String, Object> freshFirst = action(proxy, () -> Todos.append(fresh, "Item 101"));
            String request = (String) freshFirst.get("request");
            freshFirst.put("request_payload_with_full_snapshot", ("{\"event\":\"diffyne.call\",\"data\":"
                    + request.replaceFirst("\"ref\":\\{[^}]*\\}", java.util.regex.Matcher.quoteReplacement(
                            "\"snapshot\":" + fullSnapshot)) + "}").getBytes(StandardCharsets.UTF_8).length);
            out.put("fresh_100_item_page_first_action", freshFirst);
            fresh.close();

            ComponentClient todoWs = ComponentClient.open(t.base(), http, Todos.PAGE, t.diffyneSocket());
            Todos.seed(todoWs, 100);
            Map<String, Object> todoOverWs = action(proxy, () -> Todos.append(todoWs, "Item 101"));
            todoWs.close();
            ComponentClient todoAjax = ComponentClient.open(t.base(), Wire.http(), Todos.PAGE, null);
            Todos.seed(todoAjax, 100);
            Map<String, Object> todoOverAjax = action(proxy, () -> Todos.append(todoAjax, "Item 101"));

            out.put("counter_click", pair(counterWs, counterAjax));
            out.put("todo_append_to_100", pair(todoOverWs, todoOverAjax));
        }
        return out;
    }

    /** Figure 6: the served client script, minified as shipped, and gzipped at level 9. */
    Map<String, Object> clientSize() throws IOException {
        HttpClient http = Wire.http();
        HttpResponse<byte[]> r = Wire.sendBytes(http, HttpRequest.newBuilder(
                URI.create(direct.base() + "/diffyne/diffyne.js")).timeout(Wire.TIMEOUT).GET().build());
        BenchFailure.check(r.statusCode() == 200 && r.body().length > 1000, "the client script was not served");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("min_bytes", r.body().length);
        out.put("min_gzip_bytes", gzip(r.body()));
        out.put("target_gzip_bytes", 12 * 1024);
        return out;
    }

    static int gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(data);
        }
        return bytes.size();
    }

    private static Map<String, Object> pair(Map<String, Object> webSocket, Map<String, Object> ajax) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("websocket", webSocket);
        out.put("ajax", ajax);
        return out;
    }

    private static Map<String, Object> get(CountingProxy proxy, HttpClient http, String url) {
        long up = proxy.up.get();
        long down = proxy.down.get();
        String body = Wire.get(http, url);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("request_wire", proxy.up.get() - up);
        out.put("response_wire", proxy.down.get() - down);
        out.put("response_payload", body.getBytes(StandardCharsets.UTF_8).length);
        return out;
    }

    private static Map<String, Object> action(CountingProxy proxy, Supplier<ComponentClient.Exchange> action) {
        long up = proxy.up.get();
        long down = proxy.down.get();
        ComponentClient.Exchange x = action.get();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("request_payload", x.request().getBytes(StandardCharsets.UTF_8).length);
        out.put("response_payload", x.response().getBytes(StandardCharsets.UTF_8).length);
        out.put("request_wire", proxy.up.get() - up);
        out.put("response_wire", proxy.down.get() - down);
        out.put("request", x.request());
        out.put("response", x.response());
        return out;
    }
}
