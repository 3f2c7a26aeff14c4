package io.palisade.cdi.bookstore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** A producer method of the kind most applications have, with a disposer that casts to the vendor type. */
@ApplicationScoped
public class DataSources {

    public static final String PRODUCED_DB = "produced";

    @Produces
    @ApplicationScoped
    @Named("produced")
    DataSource produced() {
        return BookDatabases.database(PRODUCED_DB);
    }

    void close(@Disposes @Named("produced") DataSource dataSource) {
        // A disposer that needs the vendor type must receive the application's own object.
        JdbcDataSource h2 = (JdbcDataSource) dataSource;
        h2.setDescription("disposed");
    }
}
