package io.palisade.sample.bookstore;

import static io.palisade.sample.bookstore.Attacks.get;
import static io.palisade.sample.bookstore.Attacks.post;
import static io.palisade.sample.bookstore.Attacks.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.core.hook.HookKind;
import io.palisade.core.hook.HookPoint;
import io.palisade.core.hook.HookTable;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The sample with Palisade in block mode (its default) on H2, over real HTTP on 127.0.0.1. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtectedBookstoreTest {

    BookstoreServer server;

    /** The sample database: {@code h2} here, {@code postgres} in the PostgreSQL subclass. */
    String database() {
        return "h2";
    }

    @BeforeAll
    void start() {
        server = Servers.start("sample.db", database());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    List<Attacks.Attack> attacks() {
        return Attacks.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void everyInjectionIsBlockedAndTheDatabaseIsUnchanged(Attacks.Attack attack) throws Exception {
        int users = Attacks.count(server, "users");
        int reviews = Attacks.count(server, "reviews");
        HttpResponse<String> response = attack.call().send(server.uri());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body()).matches("\\{\"error\":\"request blocked\",\"request_id\":\"[0-9a-f]{16}\"}");
        assertThat(Attacks.count(server, "users")).isEqualTo(users);
        assertThat(Attacks.count(server, "reviews")).isEqualTo(reviews);
    }

    @Test
    void benignRequestsAnswerNormally() throws Exception {
        assertThat(get(server.uri(), "api/books/search?q=Emma").body())
                .isEqualTo("[{\"id\":2,\"title\":\"Emma\",\"author\":\"Jane Austen\",\"year\":1815}]");
        assertThat(get(server.uri(), "api/books/by-author?author=" + q("Jane Austen")).body()).contains("Pride and Prejudice");
        assertThat(get(server.uri(), "api/books/3").body()).contains("Moby-Dick");
        assertThat(get(server.uri(), "api/books?sort=" + q("title DESC")).body()).startsWith("[{\"id\":11,\"title\":\"Wuthering Heights\"")
                .endsWith("{\"id\":5,\"title\":\"Dracula\",\"author\":\"Bram Stoker\",\"year\":1897}]");
        assertThat(get(server.uri(), "api/books/batch?ids=" + q("1, 2")).body()).contains("Emma").doesNotContain("Dracula");
        assertThat(get(server.uri(), "api/books/columns?name=author").body()).contains("Bram Stoker");
        assertThat(get(server.uri(), "api/books/by-publisher", "X-Publisher", "Allen & Unwin").body()).contains("The Hobbit");
        assertThat(get(server.uri(), "api/me", "Cookie", "session=s-bob-91c2").body()).isEqualTo("{\"username\":\"bob\"}");
        assertThat(post(server.uri(), "api/login", "application/json", "{\"username\":\"alice\",\"password\":\"wonderland\"}")
                .statusCode()).isEqualTo(401);
        assertThat(post(server.uri(), "api/books/2/reviews", "application/x-www-form-urlencoded",
                "author=dan&text=" + q("Lovely -- and a bit long; 10/10")).statusCode()).isEqualTo(201);
    }

    @Test
    void theSameInputsThroughParameterisedQueriesAreNeverBlocked() throws Exception {
        for (String payload : List.of("x' OR 1=1 OR 'a'='", "x' UNION SELECT id, username, password_hash, 0 FROM users --",
                "alice' --", "x'), (3, 'eve', 'spam", "1 OR 1=1", "O'Brien", "ORDER BY id")) {
            assertThat(get(server.uri(), "api/safe/books/search?q=" + q(payload)).statusCode()).as(payload).isEqualTo(200);
            assertThat(get(server.uri(), "api/safe/books/by-author?author=" + q(payload)).body()).as(payload).isEqualTo("[]");
            assertThat(post(server.uri(), "api/safe/login", "application/json",
                    "{\"username\":\"" + payload.replace("\"", "\\\"") + "\",\"password\":\"x\"}").statusCode()).isEqualTo(401);
            assertThat(post(server.uri(), "api/safe/books/1/reviews", "application/x-www-form-urlencoded",
                    "author=x&text=" + q(payload)).statusCode()).isEqualTo(201);
        }
    }

    @Test
    void theBlockResponseFollowsAcceptAndSaysNothingOfTheRule() throws Exception {
        HttpResponse<String> html = get(server.uri(), "api/books/search?q=" + q("x' OR 1=1 --"),
                "Accept", "text/html, application/json;q=0.5");
        assertThat(html.statusCode()).isEqualTo(403);
        assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(html.body()).contains("Request blocked").containsPattern("<code>[0-9a-f]{16}</code>")
                .doesNotContainIgnoringCase("sql").doesNotContainIgnoringCase("injection");
    }

    @Test
    void aBrokenQueryStillAnswersTheApplicationsOwn500() throws Exception {
        HttpResponse<String> response = get(server.uri(), "api/safe/books/search?q=ok");
        assertThat(response.statusCode()).isEqualTo(200);
        HttpResponse<String> broken = get(server.uri(), "api/books/columns?name=" + q("no_such_column"));
        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(broken.body()).isEqualTo("{\"error\":\"internal error\"}");
    }

    @Test
    void theApplicationStillReadsTheWholeBody() throws Exception {
        // 10 MB of JSON: Palisade inspects its first 64 KiB; the application parses all of it (a
        // truncated body would answer 400) and answers 401 for the wrong password.
        String padding = "p".repeat(10 * 1024 * 1024);
        HttpResponse<String> big = post(server.uri(), "api/login", "application/json",
                "{\"padding\":\"" + padding + "\",\"username\":\"alice\",\"password\":\"nope\"}");
        assertThat(big.statusCode()).isEqualTo(401);
        HttpResponse<String> form = post(server.uri(), "api/books/2/reviews", "application/x-www-form-urlencoded",
                "author=dan&text=" + "long ".repeat(300));
        assertThat(form.statusCode()).isEqualTo(201);
    }

    @Test
    void aThousandDeepDocumentIsPassedThroughToTheApplication() throws Exception {
        String deep = "[".repeat(1000) + "]".repeat(1000);
        HttpResponse<String> response = post(server.uri(), "api/login", "application/json",
                "{\"deep\":" + deep + ",\"username\":\"alice' --\",\"password\":\"x\"}");
        // The application's own answer to a document its parser refuses: Palisade neither blocks nor breaks it.
        assertThat(response.statusCode()).isEqualTo(400);
        HttpResponse<String> malformed = post(server.uri(), "api/login", "application/json", "{\"username\": \"alice");
        assertThat(malformed.statusCode()).isEqualTo(400);
        HttpResponse<String> wrongCharset = post(server.uri(), "api/login", "application/json; charset=x-unknown",
                "{\"username\":\"bob\",\"password\":\"x\"}");
        // Jersey itself cannot decode it and the application answers its generic 500: not Palisade's doing.
        assertThat(wrongCharset.body()).isEqualTo("{\"error\":\"internal error\"}");
    }

    @Test
    void theSampleRunsOnTheDatabaseAskedFor() throws Exception {
        assertThat(server.container().select(Books.class).get().databaseProduct())
                .isEqualTo(database().equals("h2") ? "H2" : "PostgreSQL");
    }

    @Test
    void theHookTableListsTheSamplesResourceMethods() {
        HookTable table = server.container().select(HookTable.class).get();
        assertThat(table.byKind(HookKind.JAXRS_RESOURCE)).extracting(HookPoint::symbol).contains(
                "jaxrs:io.palisade.sample.bookstore.BookResource#search(java.lang.String)",
                "jaxrs:io.palisade.sample.bookstore.AccountResource#login(java.lang.String)",
                "jaxrs:io.palisade.sample.bookstore.BookResource#addReview(int,java.lang.String,java.lang.String)");
        assertThat(table.jdbc()).isNotNull();
    }
}
