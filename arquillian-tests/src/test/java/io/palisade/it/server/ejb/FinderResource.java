package io.palisade.it.server.ejb;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** Calls the session bean; the persistence unit's database is defined here. */
@Path("count")
@RequestScoped
@DataSourceDefinition(name = "java:app/jdbc/palisade-ejb-it", className = "org.h2.jdbcx.JdbcDataSource",
        url = "jdbc:h2:mem:palisade-ejb-it;DB_CLOSE_DELAY=-1")
public class FinderResource {

    @EJB
    BookFinder finder;

    @GET
    public String count(@QueryParam("title") String title) {
        return String.valueOf(finder.count(title));
    }
}
