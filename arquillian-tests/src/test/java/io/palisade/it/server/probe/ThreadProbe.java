package io.palisade.it.server.probe;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import java.util.stream.Collectors;

/**
 * A second application on the same server, deployed for the redeploy test only: it lists the
 * server's live threads whose names start with {@code palisade-}, which outlive an undeployed
 * application only if Palisade leaks them.
 */
@Path("threads")
public class ThreadProbe {

    @ApplicationPath("/")
    public static class ProbeApplication extends Application {
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String palisadeThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("palisade-")).sorted().collect(Collectors.joining("\n"));
    }
}
