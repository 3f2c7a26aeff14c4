package io.palisade.core.hook;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The hook points of the JDBC calls that carry SQL, one field each so that a JDBC delegate reaches
 * its hook point with a field read, not a lookup. One instance per deployment.
 */
public final class JdbcHooks {

    private final List<HookPoint> all = new ArrayList<>();

    public final HookPoint prepareStatement = hook(HookKind.JDBC_PREPARE, Connection.class, "prepareStatement", String.class);
    public final HookPoint prepareStatementKeys = hook(HookKind.JDBC_PREPARE, Connection.class, "prepareStatement", String.class, int.class);
    public final HookPoint prepareStatementIndexes = hook(HookKind.JDBC_PREPARE, Connection.class, "prepareStatement", String.class, int[].class);
    public final HookPoint prepareStatementNames = hook(HookKind.JDBC_PREPARE, Connection.class, "prepareStatement", String.class, String[].class);
    public final HookPoint prepareStatementTypeConcurrency = hook(HookKind.JDBC_PREPARE, Connection.class, "prepareStatement", String.class, int.class, int.class);
    public final HookPoint prepareStatementTypeConcurrencyHoldability = hook(HookKind.JDBC_PREPARE, Connection.class, "prepareStatement", String.class, int.class, int.class, int.class);
    public final HookPoint prepareCall = hook(HookKind.JDBC_PREPARE, Connection.class, "prepareCall", String.class);
    public final HookPoint prepareCallTypeConcurrency = hook(HookKind.JDBC_PREPARE, Connection.class, "prepareCall", String.class, int.class, int.class);
    public final HookPoint prepareCallTypeConcurrencyHoldability = hook(HookKind.JDBC_PREPARE, Connection.class, "prepareCall", String.class, int.class, int.class, int.class);
    public final HookPoint nativeSql = hook(HookKind.JDBC_PREPARE, Connection.class, "nativeSQL", String.class);

    public final HookPoint executeQuery = hook(HookKind.JDBC_QUERY, Statement.class, "executeQuery", String.class);

    public final HookPoint execute = hook(HookKind.JDBC_EXECUTE, Statement.class, "execute", String.class);
    public final HookPoint executeKeys = hook(HookKind.JDBC_EXECUTE, Statement.class, "execute", String.class, int.class);
    public final HookPoint executeIndexes = hook(HookKind.JDBC_EXECUTE, Statement.class, "execute", String.class, int[].class);
    public final HookPoint executeNames = hook(HookKind.JDBC_EXECUTE, Statement.class, "execute", String.class, String[].class);
    public final HookPoint executeUpdate = hook(HookKind.JDBC_EXECUTE, Statement.class, "executeUpdate", String.class);
    public final HookPoint executeUpdateKeys = hook(HookKind.JDBC_EXECUTE, Statement.class, "executeUpdate", String.class, int.class);
    public final HookPoint executeUpdateIndexes = hook(HookKind.JDBC_EXECUTE, Statement.class, "executeUpdate", String.class, int[].class);
    public final HookPoint executeUpdateNames = hook(HookKind.JDBC_EXECUTE, Statement.class, "executeUpdate", String.class, String[].class);
    public final HookPoint executeLargeUpdate = hook(HookKind.JDBC_EXECUTE, Statement.class, "executeLargeUpdate", String.class);
    public final HookPoint executeLargeUpdateKeys = hook(HookKind.JDBC_EXECUTE, Statement.class, "executeLargeUpdate", String.class, int.class);
    public final HookPoint executeLargeUpdateIndexes = hook(HookKind.JDBC_EXECUTE, Statement.class, "executeLargeUpdate", String.class, int[].class);
    public final HookPoint executeLargeUpdateNames = hook(HookKind.JDBC_EXECUTE, Statement.class, "executeLargeUpdate", String.class, String[].class);

    public final HookPoint addBatch = hook(HookKind.JDBC_BATCH, Statement.class, "addBatch", String.class);
    public final HookPoint executeBatch = hook(HookKind.JDBC_BATCH, Statement.class, "executeBatch");
    public final HookPoint executeLargeBatch = hook(HookKind.JDBC_BATCH, Statement.class, "executeLargeBatch");

    /** Every JDBC hook point, in declaration order. */
    public List<HookPoint> all() {
        return Collections.unmodifiableList(all);
    }

    private HookPoint hook(HookKind kind, Class<?> type, String name, Class<?>... parameterTypes) {
        Method method;
        try {
            method = type.getMethod(name, parameterTypes);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("JDBC method missing from the JDK: " + type.getName() + '#' + name, e);
        }
        HookPoint hookPoint = new HookPoint(kind, method);
        all.add(hookPoint);
        return hookPoint;
    }
}
