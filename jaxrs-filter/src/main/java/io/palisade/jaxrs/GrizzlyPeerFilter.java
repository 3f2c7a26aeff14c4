package io.palisade.jaxrs;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.function.Consumer;
import org.glassfish.grizzly.http.server.Request;

/**
 * On Jersey's Grizzly container (the embedded demo): the peer from Grizzly's request, and the end of
 * the request as Grizzly sees it (after the response, on every path), for {@link ContainerEnd}.
 *
 * <p>Jersey gives the Grizzly request to a singleton only through an injected provider, whose lookup
 * costs microseconds per request. Jersey's request context, though, keeps its properties in the Grizzly
 * request ({@code GrizzlyRequestPropertiesDelegate}): that request is read from there, through
 * reflection resolved once, and the provider is the fallback when the layout is not the expected one.
 */
@PreMatching
@Priority(PeerAddress.PRIORITY)
final class GrizzlyPeerFilter implements ContainerRequestFilter {

    @Inject
    private Provider<Request> grizzlyRequest;

    /**
     * How to reach the Grizzly request from Jersey's request context, resolved on the first request:
     * {@code ContainerRequest#getPropertiesDelegate()}, then the fields leading to the request (Jersey
     * wraps Grizzly's delegate in a tracing-aware one). {@code null} until resolved or when unusable.
     */
    private volatile Method propertiesDelegate;
    private volatile Field[] path;
    private volatile boolean reflectionFailed;

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            Request current = direct(request);
            if (current == null) {
                current = grizzlyRequest != null ? grizzlyRequest.get() : null;
            }
            String peer = current != null ? peer(current) : null;
            if (peer != null) {
                request.setProperty(PeerAddress.PROPERTY, peer);
            }
            if (current != null) {
                Request ending = current;
                request.setProperty(ContainerEnd.PROPERTY, (Consumer<Runnable>) action ->
                        ending.addAfterServiceListener(finished -> action.run()));
            }
        } catch (RuntimeException | LinkageError unavailable) {
            // Fail open: without the peer the client address is unknown, nothing else changes.
        }
    }

    /**
     * The peer's address as text. Grizzly formats it anew for every request; the connection keeps the
     * socket address object, so its text is remembered per address (bounded: emptied when full).
     */
    private String peer(Request current) {
        Object address = current.getRequest().getConnection().getPeerAddress();
        if (!(address instanceof java.net.InetSocketAddress)) {
            return current.getRemoteAddr();
        }
        java.net.InetAddress host = ((java.net.InetSocketAddress) address).getAddress();
        if (host == null) {
            return current.getRemoteAddr();
        }
        String text = peers.get(host);
        if (text == null) {
            text = host.getHostAddress();
            if (peers.size() >= 4096) {
                peers.clear();
            }
            peers.put(host, text);
        }
        return text;
    }

    private final java.util.concurrent.ConcurrentHashMap<java.net.InetAddress, String> peers =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The Grizzly request behind Jersey's request context, or {@code null} (then the provider is asked). */
    private Request direct(ContainerRequestContext request) {
        if (reflectionFailed) {
            return null;
        }
        try {
            Method method = propertiesDelegate;
            Field[] fields = path;
            if (method == null || fields == null) {
                method = request.getClass().getMethod("getPropertiesDelegate");
                fields = resolve(method.invoke(request));
                propertiesDelegate = method;
                path = fields;
            }
            Object current = method.invoke(request);
            for (Field field : fields) {
                current = field.get(current);
            }
            return (Request) current;
        } catch (ReflectiveOperationException | RuntimeException e) {
            reflectionFailed = true; // another layout (a newer Jersey): the provider from now on
            return null;
        }
    }

    /** The fields from the properties delegate to the Grizzly request, through at most three wrappers. */
    private static Field[] resolve(Object delegate) throws NoSuchFieldException {
        java.util.List<Field> fields = new java.util.ArrayList<>();
        Object current = delegate;
        for (int depth = 0; depth < 4 && current != null; depth++) {
            Field found = null;
            Field wrapped = null;
            for (Class<?> type = current.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (Request.class.isAssignableFrom(field.getType())) {
                        found = field;
                    } else if (field.getName().equals("propertiesDelegate")) {
                        wrapped = field;
                    }
                }
            }
            Field next = found != null ? found : wrapped;
            if (next == null) {
                break;
            }
            next.setAccessible(true);
            fields.add(next);
            try {
                current = next.get(current);
            } catch (IllegalAccessException e) {
                break;
            }
            if (found != null) {
                return fields.toArray(new Field[0]);
            }
        }
        throw new NoSuchFieldException("no Grizzly request behind " + delegate.getClass().getName());
    }
}
