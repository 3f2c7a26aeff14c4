package io.palisade.sample.bookstore;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A failed request answers 500 with a generic JSON body: no stack trace, no SQL. HTTP errors the
 * application raises on purpose (404, 400) keep their own response.
 */
@Provider
public class GenericErrorMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(GenericErrorMapper.class.getName());

    @Override
    public Response toResponse(Exception exception) {
        if (exception instanceof WebApplicationException) {
            return ((WebApplicationException) exception).getResponse();
        }
        LOG.log(Level.WARNING, "request failed", exception);
        return Response.serverError().type(MediaType.APPLICATION_JSON).entity("{\"error\":\"internal error\"}").build();
    }
}
