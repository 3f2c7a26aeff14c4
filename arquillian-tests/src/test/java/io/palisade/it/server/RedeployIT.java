package io.palisade.it.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.palisade.it.server.probe.ThreadProbe;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample deployed, used and undeployed three times on one running server (WildFly, Open
 * Liberty; Payara Micro runs one application per process): Palisade's reporter threads start with
 * the application and none survives its undeployment. A second application on the server counts
 * them.
 */
@ExtendWith(ArquillianExtension.class)
class RedeployIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(name = "probe", testable = false, order = 1)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "probe.war").addClasses(ThreadProbe.class, ThreadProbe.ProbeApplication.class);
    }

    @Deployment(name = "bookstore", managed = false, testable = false, order = 2)
    static WebArchive bookstore() {
        return SampleWar.create("palisade.budget=1s\n"); // detection under test, not the budget
    }

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    @OperateOnDeployment("probe")
    URL probe;

    private URI on127(String path) {
        return URI.create("http://127.0.0.1:" + probe.getPort() + path);
    }

    private String get(URI uri) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    @Test
    void noPalisadeThreadOutlivesAnUndeploymentRedeployAfterRedeploy() throws Exception {
        URI threads = on127(probe.getPath() + (probe.getPath().endsWith("/") ? "" : "/") + "threads");
        assertThat(get(threads)).isEqualTo("200 ");
        for (int round = 1; round <= 3; round++) {
            deployer.deploy("bookstore");
            assertThat(get(on127("/bookstore/api/books/search?q=Emma"))).as("round %d", round).startsWith("200 [");
            assertThat(get(on127("/bookstore/api/books/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E"))).startsWith("403 ");
            assertThat(get(threads)).as("round %d, deployed", round).contains("palisade-reporter[");
            deployer.undeploy("bookstore");
            int finished = round;
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(get(threads)).as("round %d, undeployed", finished).isEqualTo("200 "));
        }
    }
}
