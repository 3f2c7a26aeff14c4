package io.palisade.it.weld.scanned;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.core.hook.Callback;
import io.palisade.core.hook.HookTable;
import io.palisade.core.hook.Installation;
import io.palisade.core.hook.Verdict;
import io.palisade.cdi.PalisadeExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.io.File;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The agent jar given a beans.xml, as when a deployment tool or server scans every library: the
 * container discovers the interceptor itself, and it must still run exactly once per call.
 */
@ExtendWith(ArquillianExtension.class)
class ScannedAgentIT {

    @Path("ping")
    @ApplicationScoped
    public static class PingResource {
        @GET
        public String ping() {
            return "pong";
        }
    }

    @Deployment
    static WebArchive deployment() {
        JavaArchive scannedAgent = ShrinkWrap.createFromZipFile(JavaArchive.class,
                        new File(System.getProperty("agent.jar")))
                .addAsManifestResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\""
                        + " version=\"4.0\" bean-discovery-mode=\"annotated\"/>"), "beans.xml");
        return ShrinkWrap.create(WebArchive.class, "scanned.war")
                .addClasses(ScannedAgentIT.class, PingResource.class)
                .addAsLibraries(scannedAgent)
                .addAsResource(new StringAsset("palisade.hooks.resource-methods=intercept\n"),
                        "META-INF/microprofile-config.properties")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Inject
    HookTable table;

    @Inject
    PingResource ping;

    @Inject
    BeanManager beanManager;

    @Test
    void theInterceptorRunsExactlyOncePerCall() {
        assertThat(beanManager.getExtension(PalisadeExtension.class).interceptorDiscoveredByContainer()).isTrue();
        AtomicInteger calls = new AtomicInteger();
        Installation count = table.attach(table.require("jaxrs:" + PingResource.class.getName() + "#ping()"),
                Callback.builder("count").prolog(inv -> {
                    calls.incrementAndGet();
                    return Verdict.CONTINUE;
                }).build());
        try {
            assertThat(ping.ping()).isEqualTo("pong");
            assertThat(ping.ping()).isEqualTo("pong");
        } finally {
            count.detach();
        }
        assertThat(calls).hasValue(2);
    }
}
