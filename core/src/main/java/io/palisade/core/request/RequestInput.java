package io.palisade.core.request;

import java.util.Objects;

/**
 * One value a client sent: a query, path or matrix parameter, a form field, a JSON leaf (named by its
 * key path, such as {@code user.name} or {@code items[2]}), a header or a cookie. The value is the
 * whole value, decoded the way the application sees it, and a reference to the string the runtime
 * already holds, not a copy: the SQL check at the JDBC hooks sees everything the application can
 * read. Request-phase rules look at a bounded prefix of it ({@link RequestLimits#maxValueLength()}).
 *
 * @param bound whether the matched resource method receives this input through one of its parameters
 *              ({@code @QueryParam}, {@code @PathParam}, an entity, ...): such inputs are always kept,
 *              whatever the request's other inputs, and inspected even past the time budget
 */
public record RequestInput(InputSource source, String name, String value, boolean bound) {

    public RequestInput {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** {@code query:q}, {@code json:user.name}, {@code header:X-Publisher}. */
    public String qualifiedName() {
        return source.label() + ':' + name;
    }

    RequestInput asBound() {
        return bound ? this : new RequestInput(source, name, value, true);
    }
}
