package io.palisade.cdi.support;

import jakarta.annotation.Resource;
import jakarta.enterprise.inject.spi.InjectionPoint;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.weld.injection.spi.ResourceInjectionServices;
import org.jboss.weld.injection.spi.ResourceReferenceFactory;
import org.jboss.weld.injection.spi.helpers.SimpleResourceReference;

/**
 * What an application server does for {@code @Resource} fields, for Weld SE: resolves a lookup name
 * to a DataSource registered by the test.
 */
public final class TestResources implements ResourceInjectionServices {

    private final Map<String, DataSource> byName;

    public TestResources(Map<String, DataSource> byName) {
        this.byName = Map.copyOf(byName);
    }

    @Override
    public ResourceReferenceFactory<Object> registerResourceInjectionPoint(InjectionPoint injectionPoint) {
        Resource resource = injectionPoint.getAnnotated().getAnnotation(Resource.class);
        String name = resource.lookup().isEmpty() ? resource.name() : resource.lookup();
        return registerResourceInjectionPoint(name, null);
    }

    @Override
    public ResourceReferenceFactory<Object> registerResourceInjectionPoint(String jndiName, String mappedName) {
        DataSource dataSource = byName.get(jndiName);
        if (dataSource == null) {
            throw new IllegalArgumentException("no resource " + jndiName);
        }
        return () -> new SimpleResourceReference<>(dataSource);
    }

    @Override
    public void cleanup() {
    }
}
