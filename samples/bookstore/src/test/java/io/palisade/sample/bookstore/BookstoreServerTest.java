package io.palisade.sample.bookstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.core.hook.Callback;
import io.palisade.core.hook.HookKind;
import io.palisade.core.hook.HookPoint;
import io.palisade.core.hook.HookTable;
import io.palisade.core.hook.Installation;
import io.palisade.core.hook.Verdict;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded bookstore with the shaded agent jar, over real HTTP on 127.0.0.1. */
class BookstoreServerTest {

    private static BookstoreServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        server = BookstoreServer.start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(server.uri().resolve(pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void searchesAnswerJson() throws Exception {
        HttpResponse<String> response = get("api/books/search?q=Emma");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[{\"id\":2,\"title\":\"Emma\",\"author\":\"Jane Austen\",\"year\":1815}]");
        assertThat(get("api/safe/books/search?q=" + q("Dall")).body()).contains("Mrs Dalloway");
    }

    @Test
    void aBrokenQueryAnswersAGeneric500() throws Exception {
        HttpResponse<String> response = get("api/books/search?q=" + q("'"));
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"error\":\"internal error\"}");
    }

    @Test
    void theAgentHookedTheSampleThroughItsServicesFile() throws Exception {
        HookTable table = server.container().select(HookTable.class).get();
        assertThat(table.byKind(HookKind.JAXRS_RESOURCE)).extracting(HookPoint::symbol).containsExactly(
                "jaxrs:io.palisade.sample.bookstore.BookResource#search(java.lang.String)",
                "jaxrs:io.palisade.sample.bookstore.SafeBookResource#search(java.lang.String)");
        assertThat(table.jdbc()).isNotNull();

        List<String> seen = new CopyOnWriteArrayList<>();
        Installation watch = table.attach(table.jdbc().executeQuery, Callback.builder("watch").expects(String.class)
                .prolog(inv -> {
                    seen.add(inv.arguments().get(0, String.class));
                    return inv.arguments().get(0, String.class).contains("'1'='1") ? Verdict.abort("test") : Verdict.CONTINUE;
                }).build());
        try {
            assertThat(get("api/books/search?q=Hob").statusCode()).isEqualTo(200);
            assertThat(seen).containsExactly("SELECT id, title, author, published FROM books WHERE title LIKE '%Hob%' ORDER BY id");
            // Aborted at the JDBC call; until the block response exists the application's own 500 answers.
            assertThat(get("api/books/search?q=" + q("' OR '1'='1")).statusCode()).isEqualTo(500);
        } finally {
            watch.detach();
        }
        assertThat(get("api/books/search?q=" + q("x' OR 1=1 OR 'a'='")).body()).contains("Moby-Dick");
    }
}
