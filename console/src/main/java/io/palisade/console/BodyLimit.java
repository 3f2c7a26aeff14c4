package io.palisade.console;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Bounds every request body before anything reads it, authenticated or not: a declared length over
 * the bound is refused at once (413), a chunked body is cut off with a 413 when it passes the bound.
 * Batches may be large ({@link Batch#MAX_BYTES}); a login form is small; everything else is at most
 * {@link ConsoleApi#MAX_BODY} (a rule pack).
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class BodyLimit implements ContainerRequestFilter {

    static final int LOGIN_MAX = 16 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        long limit = path.equals("v1/batches") || path.equals("v1/agents/login") ? Batch.MAX_BYTES
                : path.equals("login") ? LOGIN_MAX : ConsoleApi.MAX_BODY;
        if (request.getLength() > limit) {
            request.abortWith(ConsoleResponses.error(413, "the body is larger than " + limit + " bytes"));
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream(), limit));
        }
    }

    /** Counts what is read and refuses to read past the bound. */
    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, (int) Math.min(length, limit - read + 1));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new WebApplicationException(ConsoleResponses.error(413, "the body is larger than " + limit + " bytes"));
            }
        }
    }
}
