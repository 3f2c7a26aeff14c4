package io.palisade.jaxrs;

import io.palisade.api.BlockedInvocationException;
import io.palisade.core.request.RequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** As {@link BlockedCallMapper}, for a resource method that a protection aborted. */
final class BlockedInvocationMapper implements ExceptionMapper<BlockedInvocationException> {

    private final RequestContext requests;
    private final BlockResponse block;

    BlockedInvocationMapper(RequestContext requests, BlockResponse block) {
        this.requests = requests;
        this.block = block;
    }

    @Override
    public Response toResponse(BlockedInvocationException exception) {
        return BlockedCallMapper.respond(requests, block);
    }
}
