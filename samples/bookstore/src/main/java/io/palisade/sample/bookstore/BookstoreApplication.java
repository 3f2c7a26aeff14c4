package io.palisade.sample.bookstore;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The JAX-RS application: its resources and providers, at the root of the web application. */
@ApplicationPath("/")
public class BookstoreApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(BookResource.class, SafeBookResource.class, AccountResource.class, JpaBookResource.class,
                SafeJpaBookResource.class, GenericErrorMapper.class);
    }
}
