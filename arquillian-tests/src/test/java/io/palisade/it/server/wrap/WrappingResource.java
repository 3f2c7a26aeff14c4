package io.palisade.it.server.wrap;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Vulnerable, and wraps every database error in an unchecked exception of its own that nothing
 * maps: the exception leaves JAX-RS for the servlet container.
 */
@Path("lookup")
@RequestScoped
public class WrappingResource {

    @Inject
    DataSource dataSource;

    @GET
    public String count(@QueryParam("name") String name) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = '" + name + "'")) {
            rows.next();
            return String.valueOf(rows.getInt(1));
        } catch (SQLException e) {
            throw new IllegalStateException("lookup failed", e);
        }
    }
}
