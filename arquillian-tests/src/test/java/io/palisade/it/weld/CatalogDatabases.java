package io.palisade.it.weld;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

@ApplicationScoped
public class CatalogDatabases {

    static JdbcDataSource create(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(100))");
            statement.execute("INSERT INTO items VALUES (1, 'anvil'), (2, 'bellows'), (3, 'chisel')");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return h2;
    }

    @Produces
    @ApplicationScoped
    @Named("produced")
    DataSource produced() {
        return create("produced");
    }
}
