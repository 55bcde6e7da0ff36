package io.diffyne.transport.http;

import io.diffyne.config.DiffyneConfig;
import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;

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
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code GET /_diffyne/events?channels=room:general,news}: a Server-Sent Event stream of the broadcasts on those
 * channels (and the global one), for pages whose components are on AJAX. See {@link EventStreams} for the format.
 */
@Path("events")
@ApplicationScoped
public class EventsResource {

    private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9._:/-]{1,128}");

    private EventStreams streams;
    private DiffyneConfig config;

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
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@QueryParam("channels") String channels, @Context SseEventSink sink, @Context Sse sse,
                       @Context HttpServletRequest request) {
        Set<String> subscribed = parseChannels(channels);
        if (!streams.open(sink, sse, subscribed, ClientIdentity.remoteAddress(request, config.settings().trustedProxies()))) {
            // a client's own limit (or the server's) reached, not a failure: rate_limited, as the protocol lists
            throw new WebApplicationException(ErrorBody.response(429, ErrorType.RATE_LIMITED,
                    "Too many event streams on this server; retry later"));
        }
    }

    static Set<String> parseChannels(String channels) {
        Set<String> subscribed = new LinkedHashSet<>();
        if (channels == null || channels.isBlank()) {
            return subscribed;
        }
        for (String part : channels.split(",", -1)) {
            String channel = part.trim();
            if (!CHANNEL.matcher(channel).matches()) {
                throw new ProtocolException(ErrorType.BAD_REQUEST, "channels must be a comma-separated list of names "
                        + "of 1 to 128 letters, digits, '.', '_', ':', '/' or '-'");
            }
            subscribed.add(channel);
        }
        if (subscribed.size() > EventStreams.MAX_CHANNELS) {
            throw new ProtocolException(ErrorType.BAD_REQUEST,
                    "At most " + EventStreams.MAX_CHANNELS + " channels per event stream");
        }
        return subscribed;
    }
}
