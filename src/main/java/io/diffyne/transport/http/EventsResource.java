package io.diffyne.transport.http;

import io.diffyne.config.DiffyneConfig;
import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;
import io.diffyne.runtime.ChannelGrants;
import io.diffyne.runtime.ChannelHead;
import io.diffyne.transport.DiffyneEndpoint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code GET /_diffyne/events?channels=chat.general~1763762400000.q3Xv…,news~…}: a Server-Sent Event stream of the
 * broadcasts on those channels, for pages whose components are on AJAX. Each channel comes with its
 * {@link ChannelGrants grant}, which the page received with a component listening there ({@code diff:grants}); a
 * channel without a valid grant for this user refuses the whole stream with 403 {@code security_error} before it
 * opens. See {@link EventStreams} for the format.
 */
@Path("events")
@DiffyneEndpoint
@ApplicationScoped
public class EventsResource {

    private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9._:/-]{1,128}");
    /** A grant: at most 18 digits, '.', 22 characters; a longer one is not ours. */
    private static final int MAX_GRANT = 18 + 1 + 22;
    /** A last seen seq: a whole number of at most 18 digits. */
    private static final Pattern SEQ = Pattern.compile("[0-9]{1,18}");
    /** An epoch: url-safe, as the buses make them (8 characters; 64 at most, as a WebSocket resume allows). */
    private static final Pattern EPOCH = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /**
     * A channel name, '~', a grant (at most 18 digits, '.', 22 characters), '~', a seq, '~', an epoch: longer
     * entries are not ours.
     */
    private static final int MAX_ENTRY = 128 + 1 + MAX_GRANT + 1 + 18 + 1 + 64;

    private EventStreams streams;
    private DiffyneConfig config;
    private ChannelGrants grants;

    /**
     * For CDI's proxy, and public because RESTEasy (WildFly) insists on a public constructor for a resource class
     * before it asks CDI for the bean; the instance that handles requests is CDI's, built by the @Inject one.
     */
    public EventsResource() {
        // fields are set by the injecting constructor
    }

    @Inject
    public EventsResource(EventStreams streams, DiffyneConfig config) {
        this.streams = streams;
        this.config = config;
        this.grants = new ChannelGrants(config.settings());
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@QueryParam("channels") String channels, @Context SseEventSink sink, @Context Sse sse,
                       @Context SecurityContext security, @Context HttpServletRequest request) {
        String principal = ClientIdentity.principal(security, request);
        Set<String> granted = new LinkedHashSet<>();
        Map<String, ChannelHead> since = new HashMap<>();
        for (Requested requested : parseChannels(channels)) {
            refuseUnlessGranted(requested.channel(), requested.grant(), principal);
            granted.add(requested.channel());
            if (requested.since() != null) {
                since.put(requested.channel(), requested.since());
            }
        }
        String client = ClientIdentity.remoteAddress(request, config.settings().trustedProxies());
        if (!streams.open(sink, sse, granted, since, principal, client)) {
            // a client's own limit (or the server's) reached, not a failure: rate_limited, as the protocol lists
            throw new WebApplicationException(ErrorBody.response(429, ErrorType.RATE_LIMITED,
                    "Too many event streams on this server; retry later"));
        }
    }

    private void refuseUnlessGranted(String channel, String grant, String principal) {
        switch (grants.check(channel, grant, principal)) {
            case VALID -> { }
            case EXPIRED -> throw new ProtocolException(ErrorType.SECURITY_ERROR, "The grant for channel '" + channel
                    + "' has expired: render a component listening there again for a fresh one");
            default -> {
                FailureMapper.LOG.fine(() -> "Refused an event stream: no valid grant for channel '" + channel + "'");
                throw new ProtocolException(ErrorType.SECURITY_ERROR, "No valid grant for channel '" + channel
                        + "' for this user: a channel is granted with a component that listens on it "
                        + "(diff:grants), as <channel>~<grant>");
            }
        }
    }

    /**
     * One entry of {@code channels}: a channel, the grant sent for it (null when none) and where the page stands on
     * it (null when it names nothing: no replay).
     */
    record Requested(String channel, String grant, ChannelHead since) {
    }

    /** {@code a~g1,b~g2} → (a, g1), (b, g2) in order; 400 {@code bad_request} for what is not such a list. */
    static List<Requested> parseChannels(String channels) {
        if (channels == null || channels.isBlank()) {
            throw new ProtocolException(ErrorType.BAD_REQUEST, "channels must name at least one channel, as "
                    + "channels=<channel>~<grant>,…");
        }
        String[] parts = channels.split(",", EventStreams.MAX_CHANNELS + 2);
        if (parts.length > EventStreams.MAX_CHANNELS) {
            throw new ProtocolException(ErrorType.BAD_REQUEST,
                    "At most " + EventStreams.MAX_CHANNELS + " channels per event stream");
        }
        List<Requested> requested = new ArrayList<>(parts.length);
        for (String part : parts) {
            String entry = part.trim();
            String[] fields = entry.split("~", -1);
            if (entry.length() > MAX_ENTRY || fields.length > 4 || !CHANNEL.matcher(fields[0]).matches()
                    || fields.length > 1 && fields[1].length() > MAX_GRANT
                    || fields.length > 2 && !SEQ.matcher(fields[2]).matches()
                    || fields.length > 3 && !EPOCH.matcher(fields[3]).matches()) {
                throw new ProtocolException(ErrorType.BAD_REQUEST, "channels must be a comma-separated list of "
                        + "<channel>~<grant>[~<last seq seen>[~<its epoch>]], each channel of 1 to 128 letters, "
                        + "digits, '.', '_', ':', '/' or '-'");
            }
            ChannelHead since = fields.length > 2
                    ? new ChannelHead(fields.length > 3 ? fields[3] : null, Long.parseLong(fields[2])) : null;
            requested.add(new Requested(fields[0], fields.length > 1 ? fields[1] : null, since));
        }
        return requested;
    }
}
