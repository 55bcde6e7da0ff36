package shop;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.concurrent.atomic.AtomicInteger;

/** {@code /api/orders}: plain-text answers the test recognises as the application's own. */
@Path("orders")
@Produces(MediaType.TEXT_PLAIN)
public class OrdersResource {

    private static final AtomicInteger ORDERS = new AtomicInteger();

    @GET
    public String list() {
        return "orders: " + ORDERS.get();
    }

    @POST
    public Response create() {
        return Response.status(201).entity("created order " + ORDERS.incrementAndGet()).build();
    }

    /** A known order is never found here: the application's own mapper answers. */
    @GET
    @Path("{id: [0-9]+}")
    public String one(@PathParam("id") String id) {
        throw new NoSuchOrderException(id);
    }

    /** A bug of the application's: no mapper of its own, so the server's default 500. */
    @GET
    @Path("boom")
    public String boom() {
        throw new IllegalStateException("the shop's own failure");
    }
}
