package shop;

import io.diffyne.web.DiffynePage;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;

/** {@code /shop}: the application's own page, a plain servlet mounting its component through the page API. */
@WebServlet("/shop")
public class ShopPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient DiffynePage page;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!doctype html><html><head><meta charset=\"utf-8\"><title>Shop</title></head><body>"
                + "<h1>Shop</h1>" + page.mount("cart", Map.of()) + page.scripts() + "</body></html>");
    }
}
