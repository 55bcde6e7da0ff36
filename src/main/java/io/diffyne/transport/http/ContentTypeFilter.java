package io.diffyne.transport.http;

import io.diffyne.protocol.ErrorType;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * In front of Diffyne's Jakarta REST servlet ({@code /_diffyne/*}, declared in the jar's {@code web-fragment.xml}):
 * a {@code Content-Type} that the runtime cannot parse is 400 {@code bad_request} with a JSON body, as every other
 * refusal there is. Jersey's servlet (Payara, Tomcat) refuses such a request before any Jakarta REST filter or
 * exception mapper runs, with the container's HTML error page. The runtime's own parser decides
 * ({@link MediaType#valueOf}), so what passes here is what it accepts; RESTEasy (WildFly) accepts more, and what it
 * accepts is then refused as not JSON (415) by the resource.
 */
public class ContentTypeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String MESSAGE = "Malformed Content-Type header: send application/json";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType();
        if (type != null && JsonBody.mediaType(type) == null) {
            byte[] body = ErrorBody.json(ErrorType.BAD_REQUEST, MESSAGE, null).getBytes(StandardCharsets.UTF_8);
            response.setStatus(ErrorType.BAD_REQUEST.httpStatus());
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        chain.doFilter(request, response);
    }
}
