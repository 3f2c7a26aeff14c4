package io.palisade.cdi.bookstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.palisade.cdi.PalisadeExtension;
import io.palisade.cdi.support.Containers;
import io.palisade.core.config.Settings;
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
import io.palisade.interceptor.jdbc.PalisadeDataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The extension on a real Weld SE container with an application that uses all three DataSource
 * styles and a JAX-RS resource bean, with the agent jar not scanned (no beans.xml).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstrumentationTest {

    private static final String SEARCH = "jaxrs:io.palisade.cdi.bookstore.BookResource#search(java.lang.String,int)";
    private static final String BY_ID = "jaxrs:io.palisade.cdi.bookstore.BookResource#byId(java.lang.String)";

    private final DataSource resourceDb = Containers.database("resource");
    private WeldContainer container;
    private HookTable table;
    private Library library;

    @BeforeAll
    void boot() {
        container = Containers.start(Map.of("palisade.mode", "monitor", "palisade.hooks.resource-methods", "intercept"), Map.of("java:comp/env/jdbc/books", resourceDb),
                BookResource.class, Library.class, DataSources.class, BeanDataSource.class);
        table = container.select(HookTable.class).get();
        library = container.select(Library.class).get();
    }

    @AfterAll
    void shutdown() {
        container.shutdown();
    }

    @Test
    void hookTableListsResourceMethodsAndJdbcCallsAndIsACdiBean() {
        assertThat(table.byKind(HookKind.JAXRS_RESOURCE)).extracting(HookPoint::symbol).containsExactly(BY_ID, SEARCH);
        assertThat(table.byKind(HookKind.JDBC_PREPARE)).hasSize(10);
        assertThat(table.byKind(HookKind.JDBC_EXECUTE)).hasSize(12);
        assertThat(table.byKind(HookKind.JDBC_QUERY)).hasSize(1);
        assertThat(table.byKind(HookKind.JDBC_BATCH)).hasSize(3);
        assertThat(table.find("jaxrs:io.palisade.cdi.bookstore.BookResource#helper()")).isEmpty();
        PalisadeExtension extension = container.getBeanManager().getExtension(PalisadeExtension.class);
        assertThat(extension.hookTable()).isSameAs(table);
        assertThat(extension.interceptorDiscoveredByContainer()).isFalse();
        assertThat(container.select(Settings.class).get().mode().name()).isEqualTo("MONITOR");
    }

    @ParameterizedTest
    @ValueSource(strings = {"producer", "bean", "resource"})
    void callbacksSeeTheSqlOfEveryDataSourceStyle(String style) throws SQLException {
        List<String> seen = new ArrayList<>();
        Callback record = Callback.builder("record").expects(String.class).prolog(inv -> {
            seen.add(inv.hookPoint().kind() + " " + inv.arguments().get(0, String.class));
            return Verdict.CONTINUE;
        }).build();
        Installation installed = table.install(CallbackSet.builder()
                .add(table.require("jdbc:java.sql.Statement#executeQuery(java.lang.String)"), record)
                .add(table.require("jdbc:java.sql.Connection#prepareStatement(java.lang.String)"), record)
                .build());
        try {
            assertThat(library.titlesLike(style, "m")).containsExactly("Emma");
            assertThat(library.titleById(style, 3)).isEqualTo("Ulysses");
            assertThat(seen).containsExactly(
                    "JDBC_QUERY SELECT title FROM books WHERE title LIKE '%m%' ORDER BY id",
                    "JDBC_PREPARE SELECT title FROM books WHERE id = ?");
        } finally {
            installed.detach();
        }
        seen.clear();
        library.titlesLike(style, "e");
        assertThat(seen).as("detached callbacks no longer run").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"producer", "bean", "resource"})
    void abortThrowsAnSqlExceptionWithoutTouchingTheDatabase(String style) throws SQLException {
        DataSource raw = library.dataSource(style).unwrap(JdbcDataSource.class);
        int before = Containers.count(raw);
        Installation installed = table.attach(table.require("jdbc:java.sql.Statement#executeUpdate(java.lang.String)"),
                Callback.builder("deny").expects(String.class)
                        .prolog(inv -> inv.arguments().get(0, String.class).contains("OR 1=1")
                                ? Verdict.abort("tautology") : Verdict.CONTINUE)
                        .build());
        try {
            assertThatThrownBy(() -> library.delete(style, "id = 99 OR 1=1"))
                    .isInstanceOf(PalisadeBlockedException.class)
                    .isInstanceOf(SQLException.class);
            assertThat(Containers.count(raw)).isEqualTo(before);
            assertThat(library.delete(style, "id = 99")).isZero();
        } finally {
            installed.detach();
        }
    }

    @Test
    void theApplicationSeesWrappedDataSourcesThatUnwrapToItsOwn() throws SQLException {
        assertThat(library.dataSource("producer").isWrapperFor(JdbcDataSource.class)).isTrue();
        assertThat(library.dataSource("resource")).isInstanceOf(PalisadeDataSource.class);
        assertThat(PalisadeDataSource.unwrapped(library.dataSource("resource"))).isSameAs(resourceDb);
    }

    @Test
    void resourceMethodCallbacksSeeArgumentsAndCanAbort() throws SQLException {
        BookResource resource = container.select(BookResource.class).get();
        List<Object> seen = new ArrayList<>();
        Installation watch = table.attach(table.require(SEARCH), Callback.builder("watch")
                .expects(String.class, int.class)
                .prolog(inv -> {
                    seen.addAll(inv.arguments().asList());
                    return Verdict.CONTINUE;
                }).build());
        try {
            assertThat(resource.search("Du", 5)).containsExactly("Dune");
            assertThat(seen).containsExactly("Du", 5);
            assertThat(resource.helper()).isEqualTo("helper");
            assertThat(seen).hasSize(2);
        } finally {
            watch.detach();
        }

        Installation deny = table.attach(table.require(BY_ID), Callback.builder("deny")
                .prolog(inv -> Verdict.abort("denied")).build());
        try {
            assertThatThrownBy(() -> resource.byId("1")).isInstanceOf(BlockedInvocationException.class)
                    .hasMessage("Blocked by Palisade");
        } finally {
            deny.detach();
        }
        assertThat(resource.byId("1")).isEqualTo("book 1");
    }

    @Test
    void theInterceptorRunsExactlyOncePerCall() {
        BookResource resource = container.select(BookResource.class).get();
        AtomicInteger calls = new AtomicInteger();
        Installation count = table.attach(table.require(BY_ID), Callback.builder("count").prolog(inv -> {
            calls.incrementAndGet();
            return Verdict.CONTINUE;
        }).build());
        try {
            resource.byId("7");
            resource.byId("8");
        } finally {
            count.detach();
        }
        assertThat(calls).hasValue(2);
    }

    @Test
    void aMismatchedCallbackIsRejectedNamingBothSignatures() {
        Callback wrong = Callback.builder("wants-long").expects(Long.class).prolog(inv -> Verdict.CONTINUE).build();
        assertThatThrownBy(() -> table.attach(table.require(BY_ID), wrong))
                .isInstanceOf(SignatureMismatchException.class)
                .hasMessage("callback 'wants-long' expects (java.lang.Long) but hook point " + BY_ID
                        + " has parameters (java.lang.String)");
        assertThat(table.require(BY_ID).chain()).isNull();
    }
}
