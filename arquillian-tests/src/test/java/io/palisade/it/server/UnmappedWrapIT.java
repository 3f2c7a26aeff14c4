package io.palisade.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.it.server.wrap.WrapApplication;
import io.palisade.it.server.wrap.WrapDatabase;
import io.palisade.it.server.wrap.WrappingResource;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An application that wraps Palisade's exception in one of its own and maps it nowhere, so the
 * exception leaves JAX-RS for the servlet container: the client still gets the block response, not
 * the container's 500.
 */
@ExtendWith(ArquillianExtension.class)
class UnmappedWrapIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleWar.app("wrap.war", WrapApplication.class, WrapDatabase.class, WrappingResource.class);
    }

    @ArquillianResource
    URL deployed;

    @Test
    void aBlockedCallWhoseExceptionIsLeftUnmappedStillAnswersTheBlockResponse() throws Exception {
        ServerHttp http = new ServerHttp(deployed);
        assertThat(http.get("lookup?name=NOPE").body()).isEqualTo("0");

        HttpResponse<String> blocked = http.get("lookup?name=" + ServerHttp.q("x' OR '1'='1"));
        assertThat(blocked.statusCode()).isEqualTo(403);
        assertThat(blocked.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(blocked.body()).matches("\\{\"error\":\"request blocked\",\"request_id\":\"[0-9a-f]{16}\"}");

        HttpResponse<String> html = http.get("lookup?name=" + ServerHttp.q("x' UNION SELECT 1 --"), "Accept", "text/html");
        assertThat(html.statusCode()).isEqualTo(403);
        assertThat(html.body()).contains("Request blocked").doesNotContain("lookup failed").doesNotContain("UNION");

        // A failure that is not Palisade's is left to the container, as before.
        assertThat(http.get("lookup?name=" + ServerHttp.q("'")).statusCode()).isEqualTo(500);
    }
}
