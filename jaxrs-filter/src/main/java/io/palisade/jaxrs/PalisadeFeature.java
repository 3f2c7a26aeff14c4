package io.palisade.jaxrs;

import io.palisade.core.PalisadeRuntime;
import io.palisade.core.hook.HookKind;
import io.palisade.core.hook.HookPoint;
import io.palisade.core.request.RequestLimits;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;

/**
 * Installs Palisade in a JAX-RS application: the request-record filter, the exception mappers for
 * blocked calls, and a {@link DynamicFeature} that adds, once per resource method at deployment, the
 * filter recording path parameters and the matched method. Registered without the application's
 * help: through Jersey's auto-discovery, and through {@code META-INF/services} on RESTEasy.
 *
 * <p>It finds the deployment's {@link PalisadeRuntime} through CDI. Without one (Palisade disabled,
 * or no CDI) it registers nothing and says so.
 */
public final class PalisadeFeature implements Feature {


    @Override
    public boolean configure(FeatureContext context) {
        PalisadeRuntime runtime = runtime();
        if (runtime == null) {
            return false;
        }
        BlockResponse block = new BlockResponse(runtime.settings());
        registerPeerAddress(context);
        context.register(new RequestRecordFilter(runtime, RequestLimits.DEFAULT));
        context.register(new ReflectedMarkupInterceptor(runtime, block));
        context.register(new BlockedCallMapper(runtime.requests(), block));
        context.register(new BlockedInvocationMapper(runtime.requests(), block));
        if (PeerAddress.available("jakarta.persistence.PersistenceException")) {
            context.register(new BlockedQueryMapper(runtime.requests(), block));
        }
        context.register(new PalisadeFeature.PerResource(runtime, block));
        return true;
    }

    /** The filter that knows how to read the socket peer here; none when neither runtime is present. */
    private static void registerPeerAddress(FeatureContext context) {
        boolean grizzly = PeerAddress.available("org.glassfish.grizzly.http.server.Request");
        if (PeerAddress.available("jakarta.servlet.http.HttpServletRequest")) {
            // The servlet API can be on the class path of an application Grizzly serves directly:
            // Grizzly's filter then reads the peer (by reflection, without Jersey's injection).
            context.register(new ServletPeerFilter(grizzly ? new GrizzlyPeerFilter() : null));
        } else if (grizzly) {
            context.register(new GrizzlyPeerFilter());
        } else {
            FilterMessages.NO_PEER_ADDRESS.log();
        }
    }

    /** Adds a {@link ResourceMatchFilter} to each resource method. */
    public static final class PerResource implements DynamicFeature {

        private final PalisadeRuntime runtime;
        private final BlockResponse block;

        PerResource(PalisadeRuntime runtime, BlockResponse block) {
            this.runtime = runtime;
            this.block = block;
        }

        @Override
        public void configure(ResourceInfo resource, FeatureContext context) {
            Method method = resource.getResourceMethod();
            if (method != null) {
                context.register(new ResourceMatchFilter(HookPoint.symbolOf(HookKind.JAXRS_RESOURCE, method),
                        BoundParameters.of(resource.getResourceClass(), method), runtime.rules(), block));
            }
        }
    }

    /** The deployment's runtime through CDI, or {@code null} (Palisade disabled, or no CDI). */
    static PalisadeRuntime runtime() {
        try {
            Instance<PalisadeRuntime> found = CDI.current().select(PalisadeRuntime.class);
            if (found.isResolvable()) {
                return found.get();
            }
            FilterMessages.NO_RUNTIME.log();
        } catch (IllegalStateException | LinkageError e) {
            FilterMessages.NO_CDI.log(e);
        }
        return null;
    }
}
