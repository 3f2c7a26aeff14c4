package io.palisade.console;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Singleton;

/** Makes the assembled {@link Console} a bean, so that the resources inject it. */
final class ConsoleBeans implements Extension {

    private final Console console;

    ConsoleBeans(Console console) {
        this.console = console;
    }

    void register(@Observes AfterBeanDiscovery discovery) {
        discovery.addBean().beanClass(Console.class).types(Console.class, Object.class).scope(Singleton.class)
                .createWith(context -> console);
    }
}
