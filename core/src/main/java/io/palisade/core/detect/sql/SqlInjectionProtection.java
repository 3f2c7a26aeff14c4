package io.palisade.core.detect.sql;

import io.palisade.core.config.Mode;
import io.palisade.core.hook.Callback;
import io.palisade.core.hook.CallbackSet;
import io.palisade.core.hook.HookKind;
import io.palisade.core.hook.HookPoint;
import io.palisade.core.hook.HookTable;
import io.palisade.core.hook.Invocation;
import io.palisade.core.hook.Verdict;
import io.palisade.core.request.Detection;
import io.palisade.core.request.RequestContext;
import io.palisade.core.request.RequestRecord;
import java.time.Instant;
import java.util.List;

/**
 * The SQL-injection protection at the JDBC hook points: for each statement run during a request, asks
 * {@link SqlInjectionDetector} whether one of the request's inputs changed its structure, records a
 * {@link Detection} in the request record, and in block mode aborts the call. Outside a request it
 * does nothing.
 */
public final class SqlInjectionProtection {

    public static final String RULE_ID = "sqli-structure";
    public static final String ATTACK_TYPE = "sql_injection";
    /** Characters of the statement kept as evidence. */
    static final int MAX_EVIDENCE = 1024;

    private final RequestContext requests;
    private final Mode mode;
    private final String ruleId;

    public SqlInjectionProtection(RequestContext requests, Mode mode) {
        this(requests, mode, RULE_ID);
    }

    /** @param ruleId the id of the rule (from the rule pack) that switched this protection on */
    public SqlInjectionProtection(RequestContext requests, Mode mode, String ruleId) {
        this.requests = requests;
        this.mode = mode;
        this.ruleId = ruleId;
    }

    /**
     * The callback on every JDBC and JPA hook point whose first parameter is the query text. JPQL is
     * read with {@link SqlDialect#JPQL}; SQL with the dialect its target ({@link SqlSource}) tells.
     */
    public CallbackSet callbacks(HookTable table) {
        Callback callback = Callback.builder(ruleId).priority(10).expects(String.class).prolog(this::check).build();
        CallbackSet.Builder set = CallbackSet.builder();
        for (HookKind kind : List.of(HookKind.JDBC_PREPARE, HookKind.JDBC_QUERY, HookKind.JDBC_EXECUTE, HookKind.JDBC_BATCH,
                HookKind.JPA_QUERY, HookKind.JPA_NATIVE_QUERY)) {
            for (HookPoint hookPoint : table.byKind(kind)) {
                if (!hookPoint.parameterTypes().isEmpty() && hookPoint.parameterTypes().get(0) == String.class) {
                    set.add(hookPoint, callback);
                }
            }
        }
        return set.build();
    }

    private Verdict check(Invocation call) {
        RequestRecord record = requests.current();
        if (record == null || record.exempt()) {
            return Verdict.CONTINUE;
        }
        String sql = (String) call.arguments().get(0);
        // The rest of a bound body the application has read since the filters ran.
        record.settle();
        SqlDialect dialect = call.hookPoint().kind() == HookKind.JPA_QUERY ? SqlDialect.JPQL
                : call.target() instanceof SqlSource ? ((SqlSource) call.target()).sqlDialect() : SqlDialect.GENERIC;
        SqlInjection found = SqlInjectionDetector.find(sql, dialect, record.inputsView());
        if (found == null) {
            return Verdict.CONTINUE;
        }
        boolean block = mode == Mode.BLOCK && !record.allowlisted();
        String evidence = sql.length() > MAX_EVIDENCE ? sql.substring(0, MAX_EVIDENCE) : sql;
        record.addDetection(new Detection(ruleId, ATTACK_TYPE, call.hookPoint().symbol(), found.input(), found.reason(),
                evidence, block, Instant.now()));
        return block ? Verdict.abort("SQL injection: " + found.input().qualifiedName() + " " + found.reason()) : Verdict.CONTINUE;
    }
}
