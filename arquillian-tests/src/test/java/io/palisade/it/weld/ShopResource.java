package io.palisade.it.weld;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.sql.SQLException;
import java.util.List;

@Path("shop")
@RequestScoped
public class ShopResource {

    @Inject
    Catalog catalog;

    @GET
    @Path("items")
    public List<String> items(@QueryParam("q") String query, @QueryParam("page") int page) throws SQLException {
        return catalog.namesLike("producer", query);
    }

    @GET
    @Path("items/{id}")
    public String item(@PathParam("id") String id) {
        return "item " + id;
    }
}
