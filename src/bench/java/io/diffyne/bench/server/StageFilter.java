package io.diffyne.bench.server;

import io.diffyne.trace.Stages;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Benchmark only: times each {@code POST /_diffyne/update} from the servlet container's first filter to the
 * flush of its answer as one {@code io.diffyne.Action} ({@link Stages}), the WebSocket endpoint's counterpart (it
 * begins in the endpoint's message handler). Does nothing unless a flight recording wants the events.
 */
@WebFilter("/_diffyne/update")
public class StageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean timed = Stages.begin("ajax");
        try {
            chain.doFilter(request, response);
            if (timed) {
                Stages.mark("jaxrs.write");
                response.flushBuffer();
            }
        } finally {
            if (timed) {
                Stages.end("http.flush");
            }
        }
    }
}
