package io.palisade.it.server.ejb;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("/")
public class EjbApplication extends Application {
}
