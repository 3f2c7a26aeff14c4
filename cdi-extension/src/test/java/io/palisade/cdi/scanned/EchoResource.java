package io.palisade.cdi.scanned;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

@Path("echo")
@RequestScoped
public class EchoResource {

    @GET
    public String echo(@QueryParam("text") String text) {
        return text;
    }
}
