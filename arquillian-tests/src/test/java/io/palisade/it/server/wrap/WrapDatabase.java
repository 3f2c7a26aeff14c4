package io.palisade.it.server.wrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

@ApplicationScoped
public class WrapDatabase {

    @Produces
    @ApplicationScoped
    DataSource dataSource() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:wrap;DB_CLOSE_DELAY=-1");
        return h2;
    }
}
