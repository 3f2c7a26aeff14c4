package io.palisade.jaxrs;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.EnumSet;
import java.util.Set;

/**
 * On a servlet container, adds {@link BlockedRequestServletFilter} in front of the application.
 * Found through {@code META-INF/services/jakarta.servlet.ServletContainerInitializer} in the agent
 * jar, so the application changes nothing. Fails open: a container that refuses the filter keeps
 * every other protection.
 */
public final class PalisadeServletInitializer implements ServletContainerInitializer {


    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        try {
            FilterRegistration.Dynamic filter = context.addFilter("palisade-blocked-requests", new BlockedRequestServletFilter());
            if (filter != null) {
                filter.setAsyncSupported(true);
                filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
            }
        } catch (RuntimeException | LinkageError e) {
            FilterMessages.SERVLET_FILTER_NOT_ADDED.log(e);
        }
    }
}
