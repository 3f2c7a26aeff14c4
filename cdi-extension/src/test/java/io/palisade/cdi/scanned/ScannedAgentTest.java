package io.palisade.cdi.scanned;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.cdi.PalisadeExtension;
import io.palisade.cdi.support.Containers;
import io.palisade.core.hook.Callback;
import io.palisade.core.hook.HookTable;
import io.palisade.core.hook.Installation;
import io.palisade.core.hook.Verdict;
import io.palisade.interceptor.PalisadeInterceptor;
import jakarta.enterprise.context.control.RequestContextController;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * The agent's classes scanned as part of the application (as when a server scans every jar): the
 * container registers the interceptor itself and the extension must not add it a second time.
 */
class ScannedAgentTest {

    @Test
    void theInterceptorRunsExactlyOncePerCallWhenTheAgentIsScanned() {
        WeldContainer container = Containers.start(Map.of("palisade.hooks.resource-methods", "intercept"), Map.of(),
                EchoResource.class, PalisadeInterceptor.class);
        try {
            HookTable table = container.select(HookTable.class).get();
            assertThat(container.getBeanManager().getExtension(PalisadeExtension.class).interceptorDiscoveredByContainer())
                    .isTrue();
            AtomicInteger calls = new AtomicInteger();
            Installation count = table.attach(table.require("jaxrs:io.palisade.cdi.scanned.EchoResource#echo(java.lang.String)"),
                    Callback.builder("count").prolog(inv -> {
                        calls.incrementAndGet();
                        return Verdict.CONTINUE;
                    }).build());
            RequestContextController request = container.select(RequestContextController.class).get();
            request.activate();
            try {
                assertThat(container.select(EchoResource.class).get().echo("hi")).isEqualTo("hi");
            } finally {
                request.deactivate();
            }
            count.detach();
            assertThat(calls).hasValue(1);
        } finally {
            container.shutdown();
        }
    }
}
