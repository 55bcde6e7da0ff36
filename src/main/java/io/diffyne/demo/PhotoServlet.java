package io.diffyne.demo;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** {@code GET <ctx>/photos/<name>}: a saved profile photo, as an image only (never sniffed, sandboxed). */
@WebServlet(PhotoServlet.PATH + "*")
public class PhotoServlet extends HttpServlet {

    static final String PATH = "/photos/";
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> TYPES = Map.of("png", "image/png", "jpg", "image/jpeg", "gif", "image/gif",
            "webp", "image/webp");

    @Inject
    transient PhotoAlbum album;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo() == null ? null : request.getPathInfo().substring(1);
        Optional<Path> file = album.file(name);
        if (file.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
        response.setContentLengthLong(Files.size(file.get()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; img-src 'self'; sandbox");
        response.setHeader("Cache-Control", "public, max-age=86400, immutable");
        Files.copy(file.get(), response.getOutputStream());
    }
}
