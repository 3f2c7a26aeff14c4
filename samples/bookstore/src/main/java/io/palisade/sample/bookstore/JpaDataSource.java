package io.palisade.sample.bookstore;

import jakarta.annotation.sql.DataSourceDefinition;

/**
 * The database of the JPA persistence unit on Payara Micro, defined by the application: H2 in memory
 * (the driver is in WEB-INF/lib). Only in Payara's WAR; WildFly uses its ExampleDS and Open Liberty a
 * data source in server.xml.
 */
@DataSourceDefinition(name = "java:app/jdbc/bookstore", className = "org.h2.jdbcx.JdbcDataSource",
        url = "jdbc:h2:mem:bookstore-jpa;DB_CLOSE_DELAY=-1", user = "sa", password = "")
public class JpaDataSource {
}
