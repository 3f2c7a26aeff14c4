package io.palisade.jaxrs;

import io.palisade.core.PalisadeRuntime;
import io.palisade.core.request.RequestRecord;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The servlet container's view of a request, for what JAX-RS cannot do on every path.
 * <ul>
 *   <li>A record for a request served outside JAX-RS (a servlet, JSF, a WebSocket handshake), so
 *       that the request rules inspect it and the SQL it runs is checked against it
 *       ({@link ServletRecords}).</li>
 *   <li>The block response for a blocked request whose exception left JAX-RS unmapped (the application
 *       wrapped Palisade's exception in one of its own and maps it nowhere): JAX-RS then skips the
 *       response filters and hands the exception to the servlet container (RESTEasy), or sends a 500
 *       itself and rethrows (Jersey). Every other exception and error, and every request Palisade did
 *       not block, passes through untouched.</li>
 *   <li>The end of the request record on every path: when the request ends (or, for an asynchronous
 *       request, when its async context completes, fails or times out), so that no record outlives its
 *       request or stays current on the container's thread for the next piece of work.</li>
 * </ul>
 * Registered by {@link PalisadeServletInitializer}.
 */
final class BlockedRequestServletFilter implements Filter {


    private volatile PalisadeRuntime runtime;
    private volatile BlockResponse block;
    private volatile ServletRecords records;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // Jersey answers an unmapped exception with sendError(500) before rethrowing it: that is
        // caught on the way, for a blocked request only.
        ErrorAwareResponse watched = response instanceof HttpServletResponse
                ? new ErrorAwareResponse(request, (HttpServletResponse) response) : null;
        try {
            ServletRequest passed = request;
            ServletResponse answering = watched != null ? watched : response;
            RequestRecord opened = openOutsideJaxRs(request);
            HeldBackServletResponse held = null;
            if (opened != null) {
                if (opened.blocked() && answered(request, response)) {
                    return;
                }
                passed = new ServletRecords.RecordingRequest((HttpServletRequest) request, opened);
                if (answering instanceof HttpServletResponse http) {
                    // Reflected XSS at the sink for what the servlet writes (JAX-RS responses: the JAX-RS filters).
                    held = new HeldBackServletResponse(http, HeldBackServletResponse.forRecord(opened));
                    answering = held;
                }
            }
            chain.doFilter(passed, answering);
            if (held != null) {
                held.finish(page -> runtime.rules().inspectResponse(opened, page) != null,
                        blockable -> answered(request, blockable));
            }
        } catch (IOException | ServletException | RuntimeException | Error e) {
            if (watched != null && watched.answered || answered(request, response)) {
                return; // the client has the block response; the exception was Palisade's own block
            }
            throw e;
        } finally {
            end(request);
        }
    }

    /**
     * For a request served outside JAX-RS (a servlet, JSF, a WebSocket handshake), opens its record
     * ({@link ServletRecords}); {@code null} for JAX-RS requests (the JAX-RS filters open theirs) and
     * when Palisade is not running. Never throws.
     */
    private RequestRecord openOutsideJaxRs(ServletRequest request) {
        try {
            if (!(request instanceof HttpServletRequest) || ServletRecords.of(request) != null
                    || !resolve()) {
                return null;
            }
            HttpServletRequest http = (HttpServletRequest) request;
            return records.servedByJaxRs(http) ? null : records.open(http);
        } catch (RuntimeException | LinkageError e) {
            FilterMessages.SERVLET_RECORD_NOT_OPENED.log(e);
            return null;
        }
    }

    /** Ends the request's record now, or when its async context ends; never throws. */
    private void end(ServletRequest request) {
        try {
            RequestRecord record = ServletRecords.of(request);
            if (record == null || !resolve()) {
                return;
            }
            PalisadeRuntime found = runtime;
            if (request.isAsyncStarted()) {
                found.requests().forget(record); // this thread is done with it; the request is not
                request.getAsyncContext().addListener(new AsyncListener() {
                    @Override
                    public void onComplete(AsyncEvent event) {
                        RequestEnd.finish(found, record);
                    }

                    @Override
                    public void onTimeout(AsyncEvent event) {
                        RequestEnd.finish(found, record);
                    }

                    @Override
                    public void onError(AsyncEvent event) {
                        RequestEnd.finish(found, record);
                    }

                    @Override
                    public void onStartAsync(AsyncEvent event) {
                        // the listener list carries over to the new cycle
                    }
                });
            } else {
                RequestEnd.finish(found, record);
            }
        } catch (RuntimeException | LinkageError e) {
            FilterMessages.RECORD_NOT_ENDED.log(e);
        }
    }

    /** Turns a 5xx error the runtime sends for a blocked request into the block response. */
    private final class ErrorAwareResponse extends HttpServletResponseWrapper {

        private final ServletRequest request;
        private boolean answered;

        ErrorAwareResponse(ServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (status < 500 || !(answered = answered(request, getResponse()))) {
                super.sendError(status, message);
            }
        }

        @Override
        public void sendError(int status) throws IOException {
            if (status < 500 || !(answered = answered(request, getResponse()))) {
                super.sendError(status);
            }
        }
    }

    /** Writes the block response when the request was blocked and nothing was sent yet. Never throws. */
    private boolean answered(ServletRequest request, ServletResponse response) {
        try {
            RequestRecord record = ServletRecords.of(request);
            if (record == null || !record.blocked()
                    || !(response instanceof HttpServletResponse) || response.isCommitted() || !resolve()) {
                return false;
            }
            HttpServletResponse http = (HttpServletResponse) response;
            http.reset();
            // Every Accept header, joined as JAX-RS joins them, for the same negotiation.
            String accept = request instanceof HttpServletRequest httpRequest && httpRequest.getHeaders("Accept") != null
                    ? String.join(",", java.util.Collections.list(httpRequest.getHeaders("Accept"))) : null;
            block.write(record.id(), accept, new BlockResponse.Target() {
                @Override
                public void status(int status) {
                    http.setStatus(status);
                }

                @Override
                public void header(String name, String value) {
                    http.setHeader(name, value);
                }

                @Override
                public void body(String contentType, String body) throws IOException {
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    http.setContentType(contentType);
                    http.setContentLength(bytes.length);
                    http.getOutputStream().write(bytes);
                }
            });
            http.flushBuffer();
            RequestEnd.finish(runtime, record);
            return true;
        } catch (IOException | RuntimeException e) {
            FilterMessages.BLOCK_NOT_WRITTEN.log(e);
            return false;
        }
    }

    /** Finds the deployment's runtime the first time it is needed (CDI is not ready when the filter is made). */
    private boolean resolve() {
        if (runtime == null) {
            PalisadeRuntime found = PalisadeFeature.runtime();
            if (found == null) {
                return false;
            }
            block = new BlockResponse(found.settings());
            records = new ServletRecords(found);
            runtime = found;
        }
        return true;
    }
}
