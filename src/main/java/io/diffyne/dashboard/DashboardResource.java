package io.diffyne.dashboard;

import io.diffyne.transport.DiffyneEndpoint;
import io.diffyne.web.DiffynePage;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Map;

/**
 * {@code GET <ctx>/_diffyne/dashboard}: the operations dashboard, a page of three Diffyne components
 * ({@link InstancesPanel}, {@link FiguresPanel}, {@link ComponentsPanel}) that poll every 2 seconds. Behind
 * {@link DashboardAccess}; {@code ?key=<DIFFYNE_DASHBOARD_KEY>} is answered with the dashboard cookie (HttpOnly,
 * SameSite=Strict, path {@code <ctx>/_diffyne}, 8 hours) and a 303 to the page without the key.
 */
@Path("dashboard")
@DiffyneEndpoint
@RequestScoped
public class DashboardResource {

    @Inject
    DashboardAccess access;

    @Inject
    DiffynePage page;

    @Context
    HttpServletRequest request;

    @GET
    public Response get() {
        if (access.keyInQuery(request)) {
            NewCookie cookie = new NewCookie.Builder(DashboardAccess.COOKIE).value(access.issueCookie())
                    .path(request.getContextPath() + "/_diffyne").httpOnly(true).secure(request.isSecure())
                    .sameSite(NewCookie.SameSite.STRICT)
                    .maxAge((int) DashboardAccess.COOKIE_LIFETIME.toSeconds()).build();
            return Response.seeOther(URI.create(request.getContextPath() + "/_diffyne/dashboard")).cookie(cookie)
                    .header("Cache-Control", "no-store").build();
        }
        DashboardAccess.Verdict verdict = access.check(request);
        if (verdict != DashboardAccess.Verdict.ALLOWED) {
            return Refusals.of(verdict);
        }
        Map<String, Object> params = Map.of("until", access.pageExpiry());
        String html = DashboardPage.html(page.mount(InstancesPanel.NAME, params), page.mount(FiguresPanel.NAME, params),
                page.mount(ComponentsPanel.NAME, params), page.scripts());
        return Response.ok(html, "text/html;charset=UTF-8").header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer").build();
    }
}
