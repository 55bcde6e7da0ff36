package io.diffyne.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generated and mutated requests to every AJAX endpoint, one at a time: {@code /update} (single actions and batches),
 * {@code /lazy}, {@code /upload} (broken multipart too), {@code /events}, {@code /token}, {@code /preview}, with odd
 * content types and methods, and bodies that are not UTF-8. Every answer must be below 500 and leak nothing; an
 * event stream that opens (200) is closed at once.
 */
final class AjaxLane extends FuzzLane {

    private static final Duration ANSWER = Duration.ofSeconds(20);
    private static final Pattern TYPE = Pattern.compile("\"type\":\"([a-z_]+)\"");
    private static final Pattern UPLOAD_ID = Pattern.compile("\"id\":\"([A-Za-z0-9_.-]{8,80})\"");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D',
        'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};
    private static final Pattern UPLOADER = Pattern.compile("diffyne-uploader=([A-Za-z0-9_-]{32})");
    private static final String[] CONTENT_TYPES = {"text/plain", "application/x-www-form-urlencoded",
        "application/json; charset=ISO-8859-1", "application/json; charset=nope", "multipart/form-data",
        "application/xml", "*/*", "application/json;;"};
    private static final String[] METHODS = {"GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"};

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> uploaded = new ArrayList<>();
    /** The uploader cookie the server gave this lane's first stored upload. */
    private String uploader;

    AjaxLane(Lane lane) {
        super(lane);
    }

    @Override
    void one(long i) {
        int kind = generator.random().nextInt(100);
        if (kind < 55) {
            json(i, "update", update());
        } else if (kind < 66) {
            json(i, "lazy", lazy());
        } else if (kind < 79) {
            upload(i);
        } else if (kind < 87) {
            events(i);
        } else if (kind < 94) {
            token(i);
        } else {
            preview(i);
        }
    }

    private String update() {
        if (generator.chance(0.002)) {
            return generator.oversized();
        }
        Object body;
        if (generator.chance(0.1)) {
            List<Object> batch = new ArrayList<>();
            for (int n = generator.chance(0.1) ? 51 : 1 + generator.random().nextInt(8); n > 0; n--) {
                batch.add(generator.request(false));
            }
            body = batch;
        } else {
            body = generator.request(false);
        }
        return finish(body);
    }

    private String lazy() {
        Map<String, Object> body = new LinkedHashMap<>();
        String ticket = seeds.lazyTickets().isEmpty() ? "{}" : generator.pick(seeds.lazyTickets());
        if (generator.chance(0.5)) {
            try {
                ticket = FuzzJson.write(generator.mutate(FuzzJson.parse(ticket)), false);
            } catch (RuntimeException notJson) {
                ticket = generator.damage(ticket);
            }
        }
        body.put("ticket", ticket);
        return finish(body);
    }

    private String finish(Object body) {
        Object tree = generator.chance(0.6) ? generator.mutate(body) : body;
        String text = FuzzJson.write(tree, generator.chance(0.5));
        return generator.chance(0.12) ? generator.damage(text) : text;
    }

    private void json(long index, String endpoint, String text) {
        HttpRequest.Builder request = request(endpoint);
        byte[] body = FuzzJson.wtf8(text);
        if (generator.chance(0.03)) {
            request.method(generator.pick(List.of(METHODS)), HttpRequest.BodyPublishers.noBody());
        } else {
            request.POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (body.length > 65_536) {
                request.expectContinue(true); // see HostileInputIT: a large body waits for the server's go-ahead
            }
        }
        if (!generator.chance(0.05)) {
            request.header("Content-Type", generator.chance(0.92) ? "application/json"
                    : generator.pick(List.of(CONTENT_TYPES)));
        }
        send(index, endpoint, text, request.build());
    }

    private HttpRequest.Builder request(String endpoint) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("_diffyne/" + endpoint)).timeout(ANSWER);
        if (generator.chance(0.3)) {
            request.header("X-Diffyne-Client", generator.token(generator.chance(0.8) ? 16 : generator.random().nextInt(80)));
        }
        return request;
    }

    /**
     * An upload as the client sends it (the snapshot of a component that takes uploads, its upload property, a file)
     * or broken: another component's, a forged or foreign snapshot, another property, the old componentId field, parts
     * missing, repeated or cut, odd names and contents; with the lane's uploader cookie, none or a made-up one. A
     * stored upload is then often set as the property's value, or as another property's.
     */
    private void upload(long index) {
        String boundary = "fz" + generator.token(generator.chance(0.02) ? 200 : 16);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> valid = seeds.uploadSnapshots();
        boolean genuine = !valid.isEmpty() && generator.chance(0.7);
        String snapshot = genuine ? generator.pick(valid)
                : generator.chance(0.9) ? FuzzJson.write(generator.snapshotVariant(), false) : generator.string(40);
        String property = genuine && generator.chance(0.8) ? "photo" : generator.pick(Generator.PROPERTIES);
        boolean coherent = genuine && generator.chance(0.5); // a file a browser would send: name, type and content agree
        List<String[]> parts = new ArrayList<>();
        parts.add(new String[] {"snapshot", snapshot});
        parts.add(new String[] {"property", property});
        if (generator.chance(0.05)) {
            parts.add(0, new String[] {"componentId", generator.token(12)});
        }
        parts.add(new String[] {"file", null});
        if (generator.chance(0.15)) {
            parts.remove(generator.random().nextInt(parts.size()));
        }
        if (generator.chance(0.1)) {
            parts.add(parts.get(generator.random().nextInt(parts.size())));
        }
        for (String[] part : parts) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n");
            if (!generator.chance(0.03)) {
                head.append("Content-Disposition: form-data; name=\"").append(part[0]).append('"');
            }
            if (part[1] == null) {
                String type = coherent ? "image/png" : generator.pick(List.of("image/png", "image/jpeg", "text/plain",
                        "text/html", "application/octet-stream", "image/svg+xml", "", "image/png; charset=\"x",
                        generator.string(8)));
                head.append("; filename=\"").append(coherent ? "f" + generator.token(6) + ".png" : filename())
                        .append("\"\r\nContent-Type: ").append(type).append("\r\n\r\n");
                out.writeBytes(FuzzJson.wtf8(head.toString()));
                out.writeBytes(coherent ? PNG : content());
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                head.append("\r\n\r\n").append(generator.chance(0.05) ? generator.string(40) : part[1]).append("\r\n");
                out.writeBytes(FuzzJson.wtf8(head.toString()));
            }
        }
        if (!generator.chance(0.05)) {
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        byte[] body = out.toByteArray();
        if (generator.chance(0.05)) {
            body = java.util.Arrays.copyOf(body, generator.random().nextInt(body.length + 1));
        }
        String declared = generator.chance(0.9) ? boundary : generator.chance(0.5) ? "other" : "";
        HttpRequest.Builder request = withCookie(request("upload")).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", generator.chance(0.95) ? "multipart/form-data; boundary=" + declared
                        : generator.pick(List.of(CONTENT_TYPES)));
        if (body.length > 65_536) {
            request.expectContinue(true);
        }
        String described = "multipart " + Findings.shorten(new String(body, StandardCharsets.ISO_8859_1));
        HttpResponse<String> response = send(index, "upload", described, request.build());
        if (response != null && response.statusCode() == 200) {
            findings.count("ajax upload stored");
            response.headers().firstValue("Set-Cookie").map(UPLOADER::matcher).filter(Matcher::find)
                    .ifPresent(m -> uploader = m.group(1));
            Matcher id = UPLOAD_ID.matcher(response.body());
            if (id.find()) {
                if (uploaded.size() < 50) {
                    uploaded.add(id.group(1));
                }
                if (generator.chance(0.5)) {
                    claim(index, snapshot, id.group(1));
                }
            }
        }
    }

    /** Sets an upload property (or, now and then, another) to a stored upload's id, as the client does next. */
    private void claim(long index, String snapshot, String id) {
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("type", "update");
        update.put("requestId", generator.requestId());
        update.put("snapshot", FuzzJson.parse(snapshot));
        update.put("property", generator.chance(0.8) ? "photo" : generator.pick(Generator.PROPERTIES));
        update.put("value", generator.chance(0.8) ? id : generator.pick(uploaded));
        json(index, "update", finish(update));
    }

    private HttpRequest.Builder withCookie(HttpRequest.Builder request) {
        if (uploader != null && generator.chance(0.7)) {
            request.header("Cookie", "diffyne-uploader=" + uploader);
        } else if (generator.chance(0.2)) {
            request.header("Cookie", "diffyne-uploader=" + generator.token(generator.chance(0.8) ? 32 : 40));
        }
        return request;
    }

    private String filename() {
        return switch (generator.random().nextInt(8)) {
            case 0 -> "../../etc/passwd";
            case 1 -> generator.string(generator.chance(0.1) ? 5_000 : 12);
            case 2 -> "";
            case 3 -> "a\".png";
            case 4 -> "pixel.png\u0000.html";
            default -> "f" + generator.token(6) + generator.pick(List.of(".png", ".jpg", ".html", ".svg", "", "."));
        };
    }

    private byte[] content() {
        return switch (generator.random().nextInt(7)) {
            case 0 -> new byte[0];
            case 1 -> "<svg onload=alert(1)>".getBytes(StandardCharsets.US_ASCII);
            case 2 -> {
                byte[] noise = new byte[generator.random().nextInt(generator.chance(0.02) ? 300_000 : 2_000)];
                generator.random().nextBytes(noise);
                yield noise;
            }
            case 3 -> ("\r\n--" + "x".repeat(10)).getBytes(StandardCharsets.US_ASCII);
            case 4 -> { // text with a NUL somewhere after the first 512 bytes
                byte[] text = new byte[600 + generator.random().nextInt(4_000)];
                java.util.Arrays.fill(text, (byte) 'a');
                text[512 + generator.random().nextInt(text.length - 512)] = 0;
                yield text;
            }
            default -> PNG;
        };
    }

    private void events(long index) {
        String channels = switch (generator.random().nextInt(10)) {
            case 0 -> "";
            case 1 -> ",,,";
            case 2 -> generator.string(generator.chance(0.1) ? 10_000 : 20);
            case 3 -> String.join(",", java.util.Collections.nCopies(200, generator.pick(seeds.grants())));
            case 4 -> seeds.channels().isEmpty() ? "chat.fuzz" : generator.pick(seeds.channels()); // no grant
            case 5, 6 -> mutatedGrant(generator.pick(seeds.grants()));
            case 7 -> generator.pick(seeds.grants()) + "," + mutatedGrant(generator.pick(seeds.grants()));
            default -> generator.pick(seeds.grants()); // a valid grant: the stream opens (and is closed at once)
        };
        String query = generator.chance(0.05) ? "" : "?channels=" + URLEncoder.encode(channels, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("_diffyne/events" + query)).timeout(ANSWER);
        if (generator.chance(0.2)) {
            request.header("Last-Event-ID", generator.token(generator.random().nextInt(30)));
        }
        if (generator.chance(0.1)) {
            request.header("Accept", generator.pick(List.of("application/json", "text/html", "*/*")));
        }
        if (generator.chance(0.05)) {
            request.POST(HttpRequest.BodyPublishers.ofString("{}"));
        }
        String described = "GET events" + query;
        findings.count("ajax messages");
        findings.count("ajax sent events");
        try {
            HttpResponse<InputStream> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException closedKeepAlive) {
                // as in send(): a reused keep-alive connection the server had just closed (browsers retry these too)
                findings.count("ajax retried after an I/O error");
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            }
            try (InputStream body = response.body()) {
                findings.count("ajax answer events " + response.statusCode());
                if (response.statusCode() >= 500) {
                    findings.fail(name, index, "status " + response.statusCode(), described,
                            new String(body.readNBytes(4096), StandardCharsets.UTF_8));
                } else if (response.statusCode() != 200) {
                    findings.checkBody(name, index, described, new String(body.readNBytes(65_536), StandardCharsets.UTF_8));
                }
                // 200: an open stream; closing it here is a client that goes away
            }
        } catch (IOException e) {
            findings.fail(name, index, "I/O: " + e, described, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A seed's {@code <channel>~<expiry>.<mac>} with one part changed: the channel, the expiry, the MAC, the form. */
    private String mutatedGrant(String granted) {
        int tilde = granted.indexOf('~');
        String channel = granted.substring(0, tilde);
        String grant = granted.substring(tilde + 1);
        int dot = grant.indexOf('.');
        return switch (generator.random().nextInt(6)) {
            case 0 -> channel + "x~" + grant;
            case 1 -> channel + "~" + (Long.parseLong(grant.substring(0, dot)) + 1 + generator.random().nextInt(1_000_000))
                    + grant.substring(dot);
            case 2 -> channel + "~" + grant.substring(0, dot + 1) + generator.token(22);
            case 3 -> channel + "~" + generator.string(generator.random().nextInt(60));
            case 4 -> channel + "~" + grant + "~" + grant;
            default -> channel + "~" + grant.substring(0, grant.length() - 1);
        };
    }

    private void token(long index) {
        HttpRequest.Builder request = request("token");
        String origin = switch (generator.random().nextInt(6)) {
            case 0 -> null;
            case 1 -> "null";
            case 2 -> "http://evil.example";
            case 3 -> "http://127.0.0.1:1";
            case 4 -> generator.token(20);
            default -> base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
        };
        if (origin != null) {
            request.header("Origin", origin);
        }
        String body = generator.chance(0.5) ? "" : finish(generator.value(2));
        request.method(generator.chance(0.9) ? "POST" : generator.pick(List.of(METHODS)),
                body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(FuzzJson.wtf8(body)));
        send(index, "token", "Origin " + origin + " body " + body, request.build());
    }

    private void preview(long index) {
        String id = switch (generator.random().nextInt(5)) {
            case 0 -> uploaded.isEmpty() ? generator.token(32) + ".png" : generator.pick(uploaded);
            case 1 -> "../../../etc/passwd";
            case 2 -> "";
            case 3 -> generator.string(generator.chance(0.1) ? 5_000 : 40);
            default -> generator.token(32) + generator.pick(List.of(".png", ".jpg", "", ".."));
        };
        String query = generator.chance(0.1) ? "" : "?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8);
        send(index, "preview", "GET preview" + query,
                withCookie(HttpRequest.newBuilder(base.resolve("_diffyne/preview" + query)).timeout(ANSWER)).GET().build());
    }

    private HttpResponse<String> send(long index, String endpoint, String input, HttpRequest request) {
        findings.count("ajax messages");
        findings.count("ajax sent " + endpoint);
        try {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException closedKeepAlive) {
                // the JDK client reused a keep-alive connection the server had just closed (it does not retry a
                // POST): once more on a fresh connection; a second failure counts
                findings.count("ajax retried after an I/O error");
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            int status = response.statusCode();
            Matcher type = TYPE.matcher(response.body());
            findings.count("ajax answer " + endpoint + " " + status + (status != 200 && type.find() ? " " + type.group(1) : ""));
            if (status >= 500) {
                findings.fail(name, index, endpoint + " status " + status, input, response.body());
            } else if (!(endpoint.equals("preview") && status == 200)) { // a preview's body is the uploaded bytes
                findings.checkBody(name, index, input, response.body());
            }
            return response;
        } catch (IOException e) {
            findings.fail(name, index, endpoint + " I/O: " + e, input, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
