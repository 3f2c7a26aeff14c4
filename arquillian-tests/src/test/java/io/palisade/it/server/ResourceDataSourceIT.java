package io.palisade.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.it.server.resource.ContainerDataSourceResource;
import io.palisade.it.server.resource.ResourceApplication;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A container-managed data source in a {@code @Resource} field, on a real server: Palisade wraps it
 * after injection, and an injection through it is blocked.
 */
@ExtendWith(ArquillianExtension.class)
class ResourceDataSourceIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleWar.app("resource.war", ResourceApplication.class, ContainerDataSourceResource.class);
    }

    @ArquillianResource
    URL deployed;

    @Test
    void anInjectionThroughAResourceDataSourceIsBlocked() throws Exception {
        ServerHttp http = new ServerHttp(deployed);
        assertThat(http.get("tables?name=NOPE").body()).isEqualTo("0");
        HttpResponse<String> blocked = http.get("tables?name=" + ServerHttp.q("x' OR '1'='1"));
        assertThat(blocked.statusCode()).isEqualTo(403);
        assertThat(blocked.body()).matches("\\{\"error\":\"request blocked\",\"request_id\":\"[0-9a-f]{16}\"}");
    }
}
