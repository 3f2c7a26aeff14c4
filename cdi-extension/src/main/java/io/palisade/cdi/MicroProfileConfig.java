package io.palisade.cdi;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The only class that touches the MicroProfile Config API, so that its absence fails here, where
 * {@link ConfigLookup} catches it, and nowhere else.
 */
final class MicroProfileConfig {

    private MicroProfileConfig() {
    }

    static ConfigLookup lookup(ClassLoader loader) {
        Config config = ConfigProvider.getConfig(loader);
        return ConfigLookup.of(key -> config.getOptionalValue(key, String.class).orElse(null),
                config.getPropertyNames(), "MicroProfile Config");
    }
}
