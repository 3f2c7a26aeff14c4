package io.palisade.interceptor.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * A {@link PreparedStatement} that hands every call to {@link #delegate()}; with
 * {@link ForwardingStatement} for the calls it shares with a plain statement. Parameter setters are
 * forwarded unchanged everywhere: a prepared statement's SQL was checked when it was prepared, and a
 * bound value never changes a statement's structure.
 */
@SuppressWarnings("deprecation")
public interface ForwardingPreparedStatement extends ForwardingStatement, PreparedStatement {

    /** The driver's (or the pool's) object every call not overridden goes to. */
    @Override
    PreparedStatement delegate();

    @Override
    default void addBatch() throws SQLException {
        delegate().addBatch();
    }

    @Override
    default void clearParameters() throws SQLException {
        delegate().clearParameters();
    }

    @Override
    default boolean execute() throws SQLException {
        return delegate().execute();
    }

    @Override
    default long executeLargeUpdate() throws SQLException {
        return delegate().executeLargeUpdate();
    }

    @Override
    default ResultSet executeQuery() throws SQLException {
        return delegate().executeQuery();
    }

    @Override
    default int executeUpdate() throws SQLException {
        return delegate().executeUpdate();
    }

    @Override
    default ResultSetMetaData getMetaData() throws SQLException {
        return delegate().getMetaData();
    }

    @Override
    default ParameterMetaData getParameterMetaData() throws SQLException {
        return delegate().getParameterMetaData();
    }

    @Override
    default void setArray(int parameterIndex, Array x) throws SQLException {
        delegate().setArray(parameterIndex, x);
    }

    @Override
    default void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
        delegate().setAsciiStream(parameterIndex, x, length);
    }

    @Override
    default void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
        delegate().setAsciiStream(parameterIndex, x, length);
    }

    @Override
    default void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
        delegate().setAsciiStream(parameterIndex, x);
    }

    @Override
    default void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        delegate().setBigDecimal(parameterIndex, x);
    }

    @Override
    default void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
        delegate().setBinaryStream(parameterIndex, x, length);
    }

    @Override
    default void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
        delegate().setBinaryStream(parameterIndex, x, length);
    }

    @Override
    default void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
        delegate().setBinaryStream(parameterIndex, x);
    }

    @Override
    default void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
        delegate().setBlob(parameterIndex, inputStream, length);
    }

    @Override
    default void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
        delegate().setBlob(parameterIndex, inputStream);
    }

    @Override
    default void setBlob(int parameterIndex, Blob x) throws SQLException {
        delegate().setBlob(parameterIndex, x);
    }

    @Override
    default void setBoolean(int parameterIndex, boolean x) throws SQLException {
        delegate().setBoolean(parameterIndex, x);
    }

    @Override
    default void setByte(int parameterIndex, byte x) throws SQLException {
        delegate().setByte(parameterIndex, x);
    }

    @Override
    default void setBytes(int parameterIndex, byte[] x) throws SQLException {
        delegate().setBytes(parameterIndex, x);
    }

    @Override
    default void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException {
        delegate().setCharacterStream(parameterIndex, reader, length);
    }

    @Override
    default void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
        delegate().setCharacterStream(parameterIndex, reader, length);
    }

    @Override
    default void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
        delegate().setCharacterStream(parameterIndex, reader);
    }

    @Override
    default void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
        delegate().setClob(parameterIndex, reader, length);
    }

    @Override
    default void setClob(int parameterIndex, Reader reader) throws SQLException {
        delegate().setClob(parameterIndex, reader);
    }

    @Override
    default void setClob(int parameterIndex, Clob x) throws SQLException {
        delegate().setClob(parameterIndex, x);
    }

    @Override
    default void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
        delegate().setDate(parameterIndex, x, cal);
    }

    @Override
    default void setDate(int parameterIndex, Date x) throws SQLException {
        delegate().setDate(parameterIndex, x);
    }

    @Override
    default void setDouble(int parameterIndex, double x) throws SQLException {
        delegate().setDouble(parameterIndex, x);
    }

    @Override
    default void setFloat(int parameterIndex, float x) throws SQLException {
        delegate().setFloat(parameterIndex, x);
    }

    @Override
    default void setInt(int parameterIndex, int x) throws SQLException {
        delegate().setInt(parameterIndex, x);
    }

    @Override
    default void setLong(int parameterIndex, long x) throws SQLException {
        delegate().setLong(parameterIndex, x);
    }

    @Override
    default void setNCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
        delegate().setNCharacterStream(parameterIndex, reader, length);
    }

    @Override
    default void setNCharacterStream(int parameterIndex, Reader reader) throws SQLException {
        delegate().setNCharacterStream(parameterIndex, reader);
    }

    @Override
    default void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
        delegate().setNClob(parameterIndex, reader, length);
    }

    @Override
    default void setNClob(int parameterIndex, Reader reader) throws SQLException {
        delegate().setNClob(parameterIndex, reader);
    }

    @Override
    default void setNClob(int parameterIndex, NClob x) throws SQLException {
        delegate().setNClob(parameterIndex, x);
    }

    @Override
    default void setNString(int parameterIndex, String x) throws SQLException {
        delegate().setNString(parameterIndex, x);
    }

    @Override
    default void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        delegate().setNull(parameterIndex, sqlType, typeName);
    }

    @Override
    default void setNull(int parameterIndex, int sqlType) throws SQLException {
        delegate().setNull(parameterIndex, sqlType);
    }

    @Override
    default void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        delegate().setObject(parameterIndex, x, targetSqlType, scaleOrLength);
    }

    @Override
    default void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        delegate().setObject(parameterIndex, x, targetSqlType);
    }

    @Override
    default void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        delegate().setObject(parameterIndex, x, targetSqlType, scaleOrLength);
    }

    @Override
    default void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
        delegate().setObject(parameterIndex, x, targetSqlType);
    }

    @Override
    default void setObject(int parameterIndex, Object x) throws SQLException {
        delegate().setObject(parameterIndex, x);
    }

    @Override
    default void setRef(int parameterIndex, Ref x) throws SQLException {
        delegate().setRef(parameterIndex, x);
    }

    @Override
    default void setRowId(int parameterIndex, RowId x) throws SQLException {
        delegate().setRowId(parameterIndex, x);
    }

    @Override
    default void setSQLXML(int parameterIndex, SQLXML x) throws SQLException {
        delegate().setSQLXML(parameterIndex, x);
    }

    @Override
    default void setShort(int parameterIndex, short x) throws SQLException {
        delegate().setShort(parameterIndex, x);
    }

    @Override
    default void setString(int parameterIndex, String x) throws SQLException {
        delegate().setString(parameterIndex, x);
    }

    @Override
    default void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
        delegate().setTime(parameterIndex, x, cal);
    }

    @Override
    default void setTime(int parameterIndex, Time x) throws SQLException {
        delegate().setTime(parameterIndex, x);
    }

    @Override
    default void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
        delegate().setTimestamp(parameterIndex, x, cal);
    }

    @Override
    default void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
        delegate().setTimestamp(parameterIndex, x);
    }

    @Override
    default void setURL(int parameterIndex, URL x) throws SQLException {
        delegate().setURL(parameterIndex, x);
    }

    @Deprecated
    @Override
    default void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
        delegate().setUnicodeStream(parameterIndex, x, length);
    }
}
