package io.palisade.it.server.resource;

import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The third way a DataSource reaches an application: a container-managed data source (defined
 * here with {@code @DataSourceDefinition}) injected into a {@code @Resource} field. Vulnerable.
 */
@Path("tables")
@RequestScoped
@DataSourceDefinition(name = "java:app/jdbc/palisade-resource-it", className = "org.h2.jdbcx.JdbcDataSource",
        url = "jdbc:h2:mem:palisade-resource-it;DB_CLOSE_DELAY=-1")
public class ContainerDataSourceResource {

    @Resource(lookup = "java:app/jdbc/palisade-resource-it")
    DataSource dataSource;

    @GET
    public String count(@QueryParam("name") String name) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = '" + name + "'")) {
            rows.next();
            return String.valueOf(rows.getInt(1));
        }
    }
}
