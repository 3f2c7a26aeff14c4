package io.palisade.jaxrs;

import io.palisade.core.request.RequestContext;
import io.palisade.core.request.RequestRecord;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.ext.InterceptorContext;

/**
 * The one way this module keeps and finds a request's record. A record is opened once per request,
 * by the JAX-RS request filter or, for requests served outside JAX-RS, by the servlet filter
 * ({@link ServletRecords}), and {@linkplain #bind bound} in both places a reader can look:
 *
 * <ul>
 *   <li>on the request, under {@link #PROPERTY} (a JAX-RS property, which servlet containers share as
 *       a request attribute): it follows the request to whatever thread serves it next (an
 *       asynchronous resume, the response filters, the writer interceptor, the servlet filter), so
 *       code that has the request reads it from there ({@link #of});</li>
 *   <li>current on the serving thread through the deployment's {@link RequestContext}, for code that
 *       has no request at hand: the JDBC and JPA hooks, the exception mappers, context propagation
 *       to other threads.</li>
 * </ul>
 *
 * <p>Nothing else in the module sets or reads either.
 */
final class Records {

    /** The request property (servlet attribute) that holds the record. */
    static final String PROPERTY = RequestRecord.class.getName();

    private Records() {
    }

    /** Binds a newly opened record to the request ({@code property}) and to the serving thread. */
    static void bind(ContainerRequestContext request, RequestContext requests, RequestRecord record) {
        request.setProperty(PROPERTY, record);
        requests.begin(record);
    }

    /** The record of {@code request}, or {@code null} when Palisade opened none. */
    static RequestRecord of(ContainerRequestContext request) {
        return cast(request.getProperty(PROPERTY));
    }

    /** The record of the request whose entity is being written, or {@code null}. */
    static RequestRecord of(InterceptorContext context) {
        return cast(context.getProperty(PROPERTY));
    }

    /** {@code property} when it is a record (a property of another type under our name is not ours). */
    static RequestRecord cast(Object property) {
        return property instanceof RequestRecord record ? record : null;
    }
}
