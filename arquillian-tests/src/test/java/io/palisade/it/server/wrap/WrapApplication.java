package io.palisade.it.server.wrap;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** A second small application: no exception mapper at all. */
@ApplicationPath("/")
public class WrapApplication extends Application {
}
