package io.palisade.jaxrs;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/** Jersey (embedded, Payara) loads this through META-INF/services and it installs {@link PalisadeFeature}. */
public final class JerseyAutoDiscovery implements AutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        if (!context.getConfiguration().isRegistered(PalisadeFeature.class)) {
            context.register(PalisadeFeature.class);
        }
    }
}
