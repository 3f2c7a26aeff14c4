package io.palisade.jaxrs;

import io.palisade.api.PalisadeBlockedException;
import io.palisade.core.request.RequestContext;
import io.palisade.core.request.RequestRecord;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Answers a blocked JDBC call that reaches JAX-RS unhandled. The response filter then settles the
 * final form (JSON or HTML from {@code Accept}); when the application handles the exception itself,
 * the response filter alone replaces whatever it answered.
 */
final class BlockedCallMapper implements ExceptionMapper<PalisadeBlockedException> {

    private final RequestContext requests;
    private final BlockResponse block;

    BlockedCallMapper(RequestContext requests, BlockResponse block) {
        this.requests = requests;
        this.block = block;
    }

    @Override
    public Response toResponse(PalisadeBlockedException exception) {
        return respond(requests, block);
    }

    static Response respond(RequestContext requests, BlockResponse block) {
        RequestRecord record = requests.current();
        return block.build(record == null ? "-" : record.id(), null);
    }
}
