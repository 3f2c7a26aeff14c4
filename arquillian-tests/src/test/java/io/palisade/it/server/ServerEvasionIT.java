package io.palisade.it.server;

import static io.palisade.it.server.ServerHttp.q;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The evasion suite on a real server ({@link UnprotectedServerIT} shows each technique working without
 * Palisade). Deployed with a time budget no request can keep, so that every request runs past it: what
 * the resource methods receive must still be inspected.
 */
@ExtendWith(ArquillianExtension.class)
class ServerEvasionIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleWar.create("palisade.trusted-proxies=127.0.0.1,::1\npalisade.ip.denylist=203.0.113.0/24\n"
                + "palisade.budget=100us\n");
    }

    @ArquillianResource
    URL deployed;

    @Test
    void everyEvasionIsBlockedAndTheDatabaseIsUnchanged() throws Exception {
        ServerHttp http = new ServerHttp(deployed);
        String before = http.get("api/books/stats").body();
        for (ServerEvasions.Evasion evasion : ServerEvasions.all()) {
            HttpResponse<String> response = evasion.call().send(http);
            assertThat(response.statusCode()).as(evasion.name()).isEqualTo(403);
            assertThat(response.body()).as(evasion.name()).startsWith("{\"error\":\"request blocked\"");
        }
        assertThat(http.get("api/books/stats").body()).isEqualTo(before);
        // Near misses stay ordinary.
        assertThat(http.get("api/books/search?q=" + q("ORDER BY id")).statusCode()).isEqualTo(200);
        assertThat(http.get("api/books/by-title?title=" + q("  Emma  ")).body()).contains("Emma");
        assertThat(http.get("api/books/async/3").body()).contains("Moby-Dick");
    }

    @Test
    void pastTheBudgetWhatTheResourceReceivesIsStillInspected() throws Exception {
        ServerHttp http = new ServerHttp(deployed);
        StringBuilder body = new StringBuilder("{\"notes\":[");
        for (int i = 0; i < 60; i++) {
            body.append(i == 0 ? "" : ",").append('"').append("&".repeat(1000)).append('"');
        }
        body.append("],\"username\":\"x; cat /etc/passwd\",\"password\":\"x\"}");
        assertThat(http.post("api/login", "application/json", body.toString()).statusCode()).isEqualTo(403);
        assertThat(http.get("api/books/search?q=" + q("<script>alert(document.cookie)</script>")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aLongForwardedForHeaderDoesNotHideADenylistedClient() throws Exception {
        ServerHttp http = new ServerHttp(deployed);
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            header.append("junk-").append(i).append(", ");
        }
        assertThat(http.get("api/books/3", "X-Forwarded-For", header + "203.0.113.7").statusCode()).isEqualTo(403);
        assertThat(http.get("api/books/3", "X-Forwarded-For", header + "198.51.100.7").statusCode()).isEqualTo(200);
    }

    @Test
    void aRequestEndingInAnUnmappedExceptionIsAnsweredAndLeavesNothingBehind() throws Exception {
        ServerHttp http = new ServerHttp(deployed);
        // The search inside is blocked; the endpoint wraps that in an error nothing maps.
        assertThat(http.get("api/books/crash?q=" + q("x' OR 1=1 OR 'a'='")).statusCode()).isEqualTo(403);
        // The container's threads serve the next requests as their own, whatever ran on them before.
        for (int i = 0; i < 20; i++) {
            assertThat(http.get("api/books/search?q=Emma").statusCode()).isEqualTo(200);
        }
    }
}
