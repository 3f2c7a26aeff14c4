package io.palisade.it.weld;

import io.palisade.cdi.bookstore.BeanDataSource;
import io.palisade.cdi.bookstore.BookDatabases;
import io.palisade.cdi.bookstore.BookResource;
import io.palisade.cdi.bookstore.DataSources;
import io.palisade.cdi.bookstore.Library;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.palisade.api.BlockedInvocationException;
import io.palisade.core.hook.Callback;
import io.palisade.core.hook.CallbackSet;
import io.palisade.core.hook.HookKind;
import io.palisade.core.hook.HookPoint;
import io.palisade.core.hook.HookTable;
import io.palisade.core.hook.Installation;
import io.palisade.api.PalisadeBlockedException;
import io.palisade.core.hook.SignatureMismatchException;
import io.palisade.core.hook.Verdict;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The agent jar in WEB-INF/lib of a WAR (not scanned: it has no beans.xml), deployed on Arquillian's
 * Weld embedded container.
 */
@ExtendWith(ArquillianExtension.class)
class WeldEmbeddedIT {

    private static final String SEARCH = "jaxrs:io.palisade.cdi.bookstore.BookResource#search(java.lang.String,int)";
    private static final String BY_ID = "jaxrs:io.palisade.cdi.bookstore.BookResource#byId(java.lang.String)";

    @Deployment
    static WebArchive deployment() {
        // The bookstore fixture of the extension's own tests (its test jar), deployed as an application.
        return Deployments.war("bookstore", BookResource.class, Library.class, DataSources.class, BeanDataSource.class,
                BookDatabases.class, Deployments.class);
    }

    @Inject
    HookTable table;

    @Inject
    Library library;

    @Inject
    BookResource books;

    @Test
    void theHookTableListsTheResourceMethodsAndJdbcCalls() {
        assertThat(table.byKind(HookKind.JAXRS_RESOURCE)).extracting(HookPoint::symbol).containsExactly(BY_ID, SEARCH);
        assertThat(table.jdbc()).isNotNull();
        assertThat(table.byKind(HookKind.JDBC_PREPARE)).hasSize(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"producer", "bean"})
    void callbacksSeeTheSqlAndStopWhenDetached(String style) throws SQLException {
        List<String> seen = new ArrayList<>();
        Callback record = Callback.builder("record").expects(String.class).prolog(inv -> {
            seen.add(inv.arguments().get(0, String.class));
            return Verdict.CONTINUE;
        }).build();
        Installation installed = table.install(CallbackSet.builder()
                .add(table.jdbc().executeQuery, record)
                .add(table.jdbc().prepareStatement, record)
                .build());
        try {
            assertThat(library.titlesLike(style, "un")).containsExactly("Dune");
            assertThat(library.titleById(style, 3)).isEqualTo("Ulysses");
        } finally {
            installed.detach();
        }
        assertThat(seen).containsExactly("SELECT title FROM books WHERE title LIKE '%un%' ORDER BY id",
                "SELECT title FROM books WHERE id = ?");
        library.titlesLike(style, "a");
        assertThat(seen).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"producer", "bean"})
    void anAbortedStatementNeverReachesTheDatabase(String style) throws SQLException {
        int before = library.count(style);
        Installation deny = table.attach(table.jdbc().executeUpdate, Callback.builder("deny").expects(String.class)
                .prolog(inv -> Verdict.abort("test")).build());
        try {
            assertThatThrownBy(() -> library.delete(style, "1=1")).isInstanceOf(PalisadeBlockedException.class)
                    .isInstanceOf(SQLException.class);
        } finally {
            deny.detach();
        }
        assertThat(library.count(style)).isEqualTo(before);
    }

    @Test
    void anUnresolvedResourceFieldStaysNullAndBreaksNothing() {
        assertThat(library.dataSource("resource")).isNull();
    }

    @Test
    void resourceMethodCallbacksSeeArgumentsRunOnceAndCanAbort() throws SQLException {
        List<Object> seen = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        Installation watch = table.attach(table.require(SEARCH), Callback.builder("watch").expects(String.class, int.class)
                .prolog(inv -> {
                    calls.incrementAndGet();
                    seen.addAll(inv.arguments().asList());
                    return Verdict.CONTINUE;
                }).build());
        try {
            assertThat(books.search("mm", 2)).containsExactly("Emma");
        } finally {
            watch.detach();
        }
        assertThat(seen).containsExactly("mm", 2);
        assertThat(calls).hasValue(1);

        Installation deny = table.attach(table.require(BY_ID), Callback.builder("deny").prolog(inv -> Verdict.abort("x")).build());
        try {
            assertThatThrownBy(() -> books.byId("1")).isInstanceOf(BlockedInvocationException.class);
        } finally {
            deny.detach();
        }
        assertThat(books.byId("1")).isEqualTo("book 1");
    }

    @Test
    void aMismatchedCallbackIsRejected() {
        Callback wrong = Callback.builder("wrong").expects(int.class).prolog(inv -> Verdict.CONTINUE).build();
        assertThatThrownBy(() -> table.attach(table.require(BY_ID), wrong)).isInstanceOf(SignatureMismatchException.class)
                .hasMessageContaining("expects (int)").hasMessageContaining(BY_ID);
    }
}
