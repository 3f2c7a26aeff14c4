package io.palisade.jaxrs;

import io.palisade.core.request.RequestContext;
import io.palisade.api.jpa.PalisadeBlockedQueryException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * As {@link BlockedCallMapper}, for a blocked JPA query. Registered only where the Jakarta
 * Persistence API is present, since loading this class loads {@code PersistenceException}.
 */
final class BlockedQueryMapper implements ExceptionMapper<PalisadeBlockedQueryException> {

    private final RequestContext requests;
    private final BlockResponse block;

    BlockedQueryMapper(RequestContext requests, BlockResponse block) {
        this.requests = requests;
        this.block = block;
    }

    @Override
    public Response toResponse(PalisadeBlockedQueryException exception) {
        return BlockedCallMapper.respond(requests, block);
    }
}
