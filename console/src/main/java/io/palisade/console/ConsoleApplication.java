package io.palisade.console;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The console's JAX-RS application: the protocol, the API, the pages, and the filters in front of them. */
@ApplicationPath("/")
public class ConsoleApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(AgentProtocol.class, ConsoleApi.class, Pages.class, BodyLimit.class, ConsoleAuth.class,
                ConsoleResponses.class);
    }
}
