package io.diffyne.web;

import io.diffyne.config.DiffyneSettings;
import io.diffyne.protocol.ResponseWriter;

/**
 * Writes what a page needs to start the client: the JSON config element (docs/protocol.md §1) and the script tag.
 * Every URL carries the context root; the WebSocket URL is a path (the client resolves it against the page, with
 * {@code wss:} on https) unless {@code DIFFYNE_WS_HOST}/{@code DIFFYNE_WS_PORT} point elsewhere.
 */
public final class ClientBootstrap {

    /** Where the bundled client is served, under the context root. */
    public static final String SCRIPT_PATH = "/diffyne/diffyne.js";

    private ClientBootstrap() {
    }

    /**
     * @param contextPath   the application's context path ("" at the root)
     * @param secure        whether the page is served over https
     * @param pageHost      the host name the page was requested with (used when only DIFFYNE_WS_PORT is set)
     * @param settings      the effective configuration
     * @param token         a short-lived handshake token for this page, or null when WebSocket is off
     * @param tokenExpires  its expiry, epoch milliseconds
     */
    public static String html(String contextPath, boolean secure, String pageHost, DiffyneSettings settings, String token, long tokenExpires) {
        StringBuilder json = new StringBuilder(256).append('{');
        json.append("\"endpoint\":");
        ResponseWriter.string(contextPath + "/_diffyne", json);
        json.append(",\"ws\":");
        ResponseWriter.string(webSocketUrl(contextPath, secure, pageHost, settings), json);
        json.append(",\"transport\":");
        ResponseWriter.string(settings.transport().wireName(), json);
        if (token != null) {
            json.append(",\"token\":");
            ResponseWriter.string(token, json);
            json.append(",\"tokenExpires\":").append(tokenExpires);
        }
        json.append(",\"debug\":").append(settings.debug());
        json.append(",\"maxMessageSize\":").append(settings.maxMessageSize());
        json.append('}');
        // "</" cannot appear inside the script element: JSON strings escape "/" as needed here
        String config = json.toString().replace("</", "<\\/");
        return "<script type=\"application/json\" id=\"diffyne-config\">" + config + "</script>\n"
                + "<script src=\"" + escapeAttribute(contextPath + SCRIPT_PATH) + "\" defer></script>";
    }

    static String webSocketUrl(String contextPath, boolean secure, String pageHost, DiffyneSettings settings) {
        String path = contextPath + settings.wsPath();
        if (settings.wsHost().isEmpty() && settings.wsPort().isEmpty()) {
            return path;
        }
        String host = settings.wsHost().orElse(pageHost);
        String port = settings.wsPort().isPresent() ? ":" + settings.wsPort().getAsInt() : "";
        return (secure ? "wss://" : "ws://") + host + port + path;
    }

    static String escapeAttribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
