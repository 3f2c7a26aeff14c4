package io.palisade.core.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HookTableTest {

    private final JdbcHooks jdbc = new JdbcHooks();

    public String search(String query, int limit) {
        return query + limit;
    }

    private HookTable table() throws NoSuchMethodException {
        HookTable.Builder builder = HookTable.builder().jdbc(jdbc);
        builder.addResourceMethod(searchMethod());
        return builder.build();
    }

    private static Method searchMethod() throws NoSuchMethodException {
        return HookTableTest.class.getMethod("search", String.class, int.class);
    }

    @Test
    void symbolsAreStableAndFindable() throws Exception {
        HookTable table = table();
        assertThat(jdbc.executeQuery.symbol()).isEqualTo("jdbc:java.sql.Statement#executeQuery(java.lang.String)");
        assertThat(jdbc.prepareStatementIndexes.symbol())
                .isEqualTo("jdbc:java.sql.Connection#prepareStatement(java.lang.String,int[])");
        assertThat(table.require("jaxrs:io.palisade.core.hook.HookTableTest#search(java.lang.String,int)").kind())
                .isEqualTo(HookKind.JAXRS_RESOURCE);
        assertThat(table.forMethod(searchMethod())).isNotNull();
        assertThat(table.byKind(HookKind.JDBC_PREPARE)).hasSize(10);
        assertThat(table.byKind(HookKind.JDBC_QUERY)).containsExactly(jdbc.executeQuery);
        assertThat(table.byKind(HookKind.JDBC_EXECUTE)).hasSize(12);
        assertThat(table.byKind(HookKind.JDBC_BATCH)).hasSize(3);
        assertThat(table.size()).isEqualTo(27);
        assertThat(table.find("jdbc:nope")).isEmpty();
        assertThatThrownBy(() -> table.require("jdbc:nope")).hasMessageContaining("no hook point jdbc:nope");
    }

    @Test
    void aListedResourceMethodThatIsNotInterceptedTakesNoCallback() throws Exception {
        HookTable.Builder builder = HookTable.builder();
        HookPoint listed = builder.addResourceMethod(searchMethod(), false);
        HookTable table = builder.build();
        assertThat(table.require(listed.symbol()).intercepted()).isFalse();
        assertThatThrownBy(() -> table.attach(listed, Callback.builder("x").prolog(call -> Verdict.CONTINUE).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("palisade.hooks.resource-methods=intercept");
        assertThat(listed.chain()).isNull();
    }

    @Test
    void addingTheSameResourceMethodTwiceKeepsOneHookPoint() throws Exception {
        HookTable.Builder builder = HookTable.builder();
        HookPoint first = builder.addResourceMethod(searchMethod());
        assertThat(builder.addResourceMethod(searchMethod())).isSameAs(first);
        assertThat(builder.build().size()).isEqualTo(1);
    }

    @Test
    void nothingAttachedMeansNoChain() throws Exception {
        table();
        assertThat(jdbc.executeQuery.chain()).isNull();
    }

    @Test
    void prologSeesArgumentsAndDetachStopsIt() throws Exception {
        HookTable table = table();
        List<Object> seen = new ArrayList<>();
        Installation installed = table.attach(jdbc.executeQuery, Callback.builder("see").expects(String.class)
                .prolog(inv -> {
                    seen.add(inv.arguments().get(0, String.class));
                    return Verdict.CONTINUE;
                }).build());

        Invocation invocation = jdbc.executeQuery.chain().enter(jdbc.executeQuery, Arguments.of("SELECT 1"));
        assertThat(invocation.aborted()).isFalse();
        assertThat(seen).containsExactly("SELECT 1");

        installed.detach();
        installed.detach();
        assertThat(jdbc.executeQuery.chain()).isNull();
        assertThat(installed.isDetached()).isTrue();
    }

    @Test
    void argumentsAreReadOnly() {
        Object[] values = {"a", null};
        Arguments arguments = Arguments.of(values);
        assertThat(arguments.asList()).containsExactly("a", null);
        assertThatThrownBy(() -> arguments.asList().set(0, "b")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(arguments.size()).isEqualTo(2);
        assertThat(Arguments.of().size()).isZero();
    }

    @Test
    void abortStopsAtTheFirstAbortingPrologInPriorityOrder() throws Exception {
        HookTable table = table();
        List<String> ran = new ArrayList<>();
        table.attach(jdbc.execute, Callback.builder("late").priority(50).prolog(inv -> {
            ran.add("late");
            return Verdict.CONTINUE;
        }).build());
        table.attach(jdbc.execute, Callback.builder("early").priority(10).prolog(inv -> {
            ran.add("early");
            return Verdict.abort("because");
        }).build());

        Invocation invocation = jdbc.execute.chain().enter(jdbc.execute, Arguments.of("DROP TABLE x"));
        assertThat(ran).containsExactly("early");
        assertThat(invocation.aborted()).isTrue();
        assertThat(invocation.verdict().reason()).isEqualTo("because");
        assertThat(invocation.abortedBy().id()).isEqualTo("early");
    }

    @Test
    void epilogSeesResultOrFailure() throws Exception {
        HookTable table = table();
        List<Object> seen = new ArrayList<>();
        table.attach(jdbc.executeUpdate, Callback.builder("after").epilog((inv, result, failure) -> {
            seen.add(result);
            seen.add(failure);
        }).build());
        CallbackChain chain = jdbc.executeUpdate.chain();
        assertThat(chain.hasEpilogs()).isTrue();
        Invocation invocation = chain.enter(jdbc.executeUpdate, Arguments.of("UPDATE t SET a = 1"));
        IllegalStateException boom = new IllegalStateException("boom");
        chain.exit(invocation, 3, null);
        chain.exit(invocation, null, boom);
        assertThat(seen).containsExactly(3, null, null, boom);
    }

    @Test
    void failingCallbacksFailOpenAndAreCounted() throws Exception {
        HookTable table = table();
        table.attach(jdbc.executeQuery, Callback.builder("broken")
                .prolog(inv -> {
                    throw new IllegalStateException("bug in a protection");
                })
                .epilog((inv, result, failure) -> {
                    throw new IllegalStateException("bug after");
                }).build());

        CallbackChain chain = jdbc.executeQuery.chain();
        Invocation invocation = chain.enter(jdbc.executeQuery, Arguments.of("SELECT 1"));
        chain.exit(invocation, "result", null);
        assertThat(invocation.aborted()).isFalse();
        assertThat(table.faults().count()).isEqualTo(2);
    }

    @Test
    void mismatchedSignatureIsRejectedNamingBoth() throws Exception {
        HookTable table = table();
        Callback wantsInteger = Callback.builder("numeric").expects(Integer.class).prolog(inv -> Verdict.CONTINUE).build();
        assertThatThrownBy(() -> table.attach(jdbc.prepareStatement, wantsInteger))
                .isInstanceOf(SignatureMismatchException.class)
                .hasMessage("callback 'numeric' expects (java.lang.Integer) but hook point"
                        + " jdbc:java.sql.Connection#prepareStatement(java.lang.String) has parameters (java.lang.String)");
        Callback tooMany = Callback.builder("two").expects(String.class, int.class).prolog(inv -> Verdict.CONTINUE).build();
        assertThatThrownBy(() -> table.attach(jdbc.executeBatch, tooMany))
                .hasMessageContaining("expects (java.lang.String, int)")
                .hasMessageContaining("executeBatch() has parameters ()");
        assertThat(jdbc.prepareStatement.chain()).isNull();
    }

    @Test
    void leadingParametersAndSupertypesAndBoxingFit() throws Exception {
        HookTable table = table();
        HookPoint search = table.forMethod(searchMethod());
        table.attach(search, Callback.builder("boxed").expects(CharSequence.class, Integer.class)
                .prolog(inv -> Verdict.CONTINUE).build());
        table.attach(jdbc.prepareStatementTypeConcurrencyHoldability, Callback.builder("sql-only").expects(String.class)
                .prolog(inv -> Verdict.CONTINUE).build());
        table.attach(jdbc.executeBatch, Callback.builder("anything").prolog(inv -> Verdict.CONTINUE).build());
        assertThat(search.chain().callbacks()).extracting(Callback::id).containsExactly("boxed");
    }

    @Test
    void anInvalidSetAttachesNothing() throws Exception {
        HookTable table = table();
        Callback sql = Callback.builder("sql").expects(String.class).prolog(inv -> Verdict.CONTINUE).build();
        CallbackSet set = CallbackSet.builder()
                .add(jdbc.executeQuery, sql)
                .add(jdbc.executeBatch, sql)
                .build();
        assertThatThrownBy(() -> table.install(set)).isInstanceOf(SignatureMismatchException.class);
        assertThat(jdbc.executeQuery.chain()).isNull();
    }

    @Test
    void hookPointsOfAnotherTableAreRejected() throws Exception {
        HookTable table = table();
        JdbcHooks other = new JdbcHooks();
        Callback any = Callback.builder("any").prolog(inv -> Verdict.CONTINUE).build();
        assertThatThrownBy(() -> table.attach(other.executeQuery, any)).hasMessageContaining("is not in this hook table");
    }

    @Test
    void replaceKeepsThePreviousSetWhenTheNextIsInvalid() throws Exception {
        HookTable table = table();
        Callback first = Callback.builder("first").expects(String.class).prolog(inv -> Verdict.CONTINUE).build();
        Installation installed = table.install(CallbackSet.builder().addAll(table.byKind(HookKind.JDBC_QUERY), first).build());
        Callback bad = Callback.builder("bad").expects(String.class).prolog(inv -> Verdict.CONTINUE).build();
        assertThatThrownBy(() -> table.replace(installed, CallbackSet.builder().add(jdbc.executeBatch, bad).build()))
                .isInstanceOf(SignatureMismatchException.class);
        assertThat(jdbc.executeQuery.chain().callbacks()).containsExactly(first);

        Callback second = Callback.builder("second").expects(String.class).prolog(inv -> Verdict.CONTINUE).build();
        Installation next = table.replace(installed, CallbackSet.builder().add(jdbc.executeQuery, second).build());
        assertThat(jdbc.executeQuery.chain().callbacks()).containsExactly(second);
        assertThat(installed.isDetached()).isTrue();
        next.detach();
        assertThat(jdbc.executeQuery.chain()).isNull();
    }

    @Test
    void callbacksWithoutPrologOrEpilogOrIdAreRefused() {
        assertThatThrownBy(() -> Callback.builder("empty").build()).hasMessageContaining("neither prolog nor epilog");
        assertThatThrownBy(() -> Callback.builder(" ")).hasMessageContaining("blank");
        assertThatThrownBy(() -> Verdict.abort("")).hasMessageContaining("reason");
    }
}
