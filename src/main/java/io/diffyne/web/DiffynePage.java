package io.diffyne.web;

import io.diffyne.config.DiffyneConfig;
import io.diffyne.config.TransportMode;
import io.diffyne.runtime.Channel;
import io.diffyne.runtime.ClientContext;
import io.diffyne.runtime.DiffyneRuntime;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;
import java.util.Map;
import java.util.Set;

/**
 * The page API: {@code @Inject DiffynePage page; page.mount("counter", Map.of())} returns the component's HTML for any
 * page technology (servlet, JSP, Pebble); {@code page.scripts()} returns the client bootstrap, once per page. In EL
 * (JSP, Faces) it is {@code diffyne}: {@code ${diffyne.mount('counter', {'step': 2})}} and {@code ${diffyne.scripts()}}.
 */
@RequestScoped
@Named("diffyne")
public class DiffynePage implements io.diffyne.template.ComponentMounter {

    @Inject
    HttpServletRequest request;

    @Inject
    DiffyneRuntime runtime;

    @Inject
    DiffyneConfig config;

    // provided by the WebSocket transport; without it the page runs on AJAX alone
    @Inject
    jakarta.enterprise.inject.Instance<PageTokens> tokens;

    /** Mounts {@code component} with {@code params} and returns its HTML. */
    @Override
    public String mount(String component, Map<String, Object> params) {
        return runtime.mount(component, params, client()).html();
    }

    /** The client bootstrap: config element and script tag. */
    public String scripts() {
        var settings = config.settings();
        String principal = principal();
        PageTokens.Token token = settings.transport() == TransportMode.WEBSOCKET && tokens.isResolvable()
                ? tokens.get().issue(principal) : null;
        return ClientBootstrap.html(request.getContextPath(), request.isSecure(), request.getServerName(), settings,
                token == null ? null : token.value(), token == null ? 0 : token.expiresAtMillis());
    }

    private ClientContext client() {
        String principal = principal();
        return new ClientContext("page", principal, Channel.AJAX, null,
                principal == null ? Set.of() : ClientContext.held(runtime.declaredRoles(), request::isUserInRole));
    }

    private String principal() {
        Principal p = request.getUserPrincipal();
        return p == null ? null : p.getName();
    }
}
