package io.palisade.core.request;

import java.util.Objects;

/**
 * One value a client sent: a query or path parameter, a form field, a JSON leaf (named by its key
 * path, such as {@code user.name} or {@code items[2]}), a header or a cookie. The value is already
 * decoded the way the application sees it, and cut to the inspected length.
 *
 * @param truncated whether the client sent more than {@code value} holds
 */
public record RequestInput(InputSource source, String name, String value, boolean truncated) {

    public RequestInput {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** {@code query:q}, {@code json:user.name}, {@code header:X-Publisher}. */
    public String qualifiedName() {
        return source.label() + ':' + name;
    }
}
