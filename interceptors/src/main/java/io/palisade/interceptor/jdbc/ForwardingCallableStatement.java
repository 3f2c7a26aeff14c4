package io.palisade.interceptor.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * A {@link CallableStatement} that hands every call to {@link #delegate()}; the calls it shares with
 * a prepared statement come from {@link ForwardingPreparedStatement}.
 */
@SuppressWarnings("deprecation")
public interface ForwardingCallableStatement extends ForwardingPreparedStatement, CallableStatement {

    /** The driver's (or the pool's) object every call not overridden goes to. */
    @Override
    CallableStatement delegate();

    @Override
    default Array getArray(String parameterName) throws SQLException {
        return delegate().getArray(parameterName);
    }

    @Override
    default Array getArray(int parameterIndex) throws SQLException {
        return delegate().getArray(parameterIndex);
    }

    @Override
    default BigDecimal getBigDecimal(String parameterName) throws SQLException {
        return delegate().getBigDecimal(parameterName);
    }

    @Deprecated
    @Override
    default BigDecimal getBigDecimal(int parameterIndex, int scale) throws SQLException {
        return delegate().getBigDecimal(parameterIndex, scale);
    }

    @Override
    default BigDecimal getBigDecimal(int parameterIndex) throws SQLException {
        return delegate().getBigDecimal(parameterIndex);
    }

    @Override
    default Blob getBlob(String parameterName) throws SQLException {
        return delegate().getBlob(parameterName);
    }

    @Override
    default Blob getBlob(int parameterIndex) throws SQLException {
        return delegate().getBlob(parameterIndex);
    }

    @Override
    default boolean getBoolean(String parameterName) throws SQLException {
        return delegate().getBoolean(parameterName);
    }

    @Override
    default boolean getBoolean(int parameterIndex) throws SQLException {
        return delegate().getBoolean(parameterIndex);
    }

    @Override
    default byte getByte(String parameterName) throws SQLException {
        return delegate().getByte(parameterName);
    }

    @Override
    default byte getByte(int parameterIndex) throws SQLException {
        return delegate().getByte(parameterIndex);
    }

    @Override
    default byte[] getBytes(String parameterName) throws SQLException {
        return delegate().getBytes(parameterName);
    }

    @Override
    default byte[] getBytes(int parameterIndex) throws SQLException {
        return delegate().getBytes(parameterIndex);
    }

    @Override
    default Reader getCharacterStream(String parameterName) throws SQLException {
        return delegate().getCharacterStream(parameterName);
    }

    @Override
    default Reader getCharacterStream(int parameterIndex) throws SQLException {
        return delegate().getCharacterStream(parameterIndex);
    }

    @Override
    default Clob getClob(String parameterName) throws SQLException {
        return delegate().getClob(parameterName);
    }

    @Override
    default Clob getClob(int parameterIndex) throws SQLException {
        return delegate().getClob(parameterIndex);
    }

    @Override
    default Date getDate(String parameterName, Calendar cal) throws SQLException {
        return delegate().getDate(parameterName, cal);
    }

    @Override
    default Date getDate(String parameterName) throws SQLException {
        return delegate().getDate(parameterName);
    }

    @Override
    default Date getDate(int parameterIndex, Calendar cal) throws SQLException {
        return delegate().getDate(parameterIndex, cal);
    }

    @Override
    default Date getDate(int parameterIndex) throws SQLException {
        return delegate().getDate(parameterIndex);
    }

    @Override
    default double getDouble(String parameterName) throws SQLException {
        return delegate().getDouble(parameterName);
    }

    @Override
    default double getDouble(int parameterIndex) throws SQLException {
        return delegate().getDouble(parameterIndex);
    }

    @Override
    default float getFloat(String parameterName) throws SQLException {
        return delegate().getFloat(parameterName);
    }

    @Override
    default float getFloat(int parameterIndex) throws SQLException {
        return delegate().getFloat(parameterIndex);
    }

    @Override
    default int getInt(String parameterName) throws SQLException {
        return delegate().getInt(parameterName);
    }

    @Override
    default int getInt(int parameterIndex) throws SQLException {
        return delegate().getInt(parameterIndex);
    }

    @Override
    default long getLong(String parameterName) throws SQLException {
        return delegate().getLong(parameterName);
    }

    @Override
    default long getLong(int parameterIndex) throws SQLException {
        return delegate().getLong(parameterIndex);
    }

    @Override
    default Reader getNCharacterStream(String parameterName) throws SQLException {
        return delegate().getNCharacterStream(parameterName);
    }

    @Override
    default Reader getNCharacterStream(int parameterIndex) throws SQLException {
        return delegate().getNCharacterStream(parameterIndex);
    }

    @Override
    default NClob getNClob(String parameterName) throws SQLException {
        return delegate().getNClob(parameterName);
    }

    @Override
    default NClob getNClob(int parameterIndex) throws SQLException {
        return delegate().getNClob(parameterIndex);
    }

    @Override
    default String getNString(String parameterName) throws SQLException {
        return delegate().getNString(parameterName);
    }

    @Override
    default String getNString(int parameterIndex) throws SQLException {
        return delegate().getNString(parameterIndex);
    }

    @Override
    default <T> T getObject(String parameterName, Class<T> type) throws SQLException {
        return delegate().getObject(parameterName, type);
    }

    @Override
    default Object getObject(String parameterName, Map<String, Class<?>> map) throws SQLException {
        return delegate().getObject(parameterName, map);
    }

    @Override
    default Object getObject(String parameterName) throws SQLException {
        return delegate().getObject(parameterName);
    }

    @Override
    default <T> T getObject(int parameterIndex, Class<T> type) throws SQLException {
        return delegate().getObject(parameterIndex, type);
    }

    @Override
    default Object getObject(int parameterIndex, Map<String, Class<?>> map) throws SQLException {
        return delegate().getObject(parameterIndex, map);
    }

    @Override
    default Object getObject(int parameterIndex) throws SQLException {
        return delegate().getObject(parameterIndex);
    }

    @Override
    default Ref getRef(String parameterName) throws SQLException {
        return delegate().getRef(parameterName);
    }

    @Override
    default Ref getRef(int parameterIndex) throws SQLException {
        return delegate().getRef(parameterIndex);
    }

    @Override
    default RowId getRowId(String parameterName) throws SQLException {
        return delegate().getRowId(parameterName);
    }

    @Override
    default RowId getRowId(int parameterIndex) throws SQLException {
        return delegate().getRowId(parameterIndex);
    }

    @Override
    default SQLXML getSQLXML(String parameterName) throws SQLException {
        return delegate().getSQLXML(parameterName);
    }

    @Override
    default SQLXML getSQLXML(int parameterIndex) throws SQLException {
        return delegate().getSQLXML(parameterIndex);
    }

    @Override
    default short getShort(String parameterName) throws SQLException {
        return delegate().getShort(parameterName);
    }

    @Override
    default short getShort(int parameterIndex) throws SQLException {
        return delegate().getShort(parameterIndex);
    }

    @Override
    default String getString(String parameterName) throws SQLException {
        return delegate().getString(parameterName);
    }

    @Override
    default String getString(int parameterIndex) throws SQLException {
        return delegate().getString(parameterIndex);
    }

    @Override
    default Time getTime(String parameterName, Calendar cal) throws SQLException {
        return delegate().getTime(parameterName, cal);
    }

    @Override
    default Time getTime(String parameterName) throws SQLException {
        return delegate().getTime(parameterName);
    }

    @Override
    default Time getTime(int parameterIndex, Calendar cal) throws SQLException {
        return delegate().getTime(parameterIndex, cal);
    }

    @Override
    default Time getTime(int parameterIndex) throws SQLException {
        return delegate().getTime(parameterIndex);
    }

    @Override
    default Timestamp getTimestamp(String parameterName, Calendar cal) throws SQLException {
        return delegate().getTimestamp(parameterName, cal);
    }

    @Override
    default Timestamp getTimestamp(String parameterName) throws SQLException {
        return delegate().getTimestamp(parameterName);
    }

    @Override
    default Timestamp getTimestamp(int parameterIndex, Calendar cal) throws SQLException {
        return delegate().getTimestamp(parameterIndex, cal);
    }

    @Override
    default Timestamp getTimestamp(int parameterIndex) throws SQLException {
        return delegate().getTimestamp(parameterIndex);
    }

    @Override
    default URL getURL(String parameterName) throws SQLException {
        return delegate().getURL(parameterName);
    }

    @Override
    default URL getURL(int parameterIndex) throws SQLException {
        return delegate().getURL(parameterIndex);
    }

    @Override
    default void registerOutParameter(String parameterName, int sqlType, String typeName) throws SQLException {
        delegate().registerOutParameter(parameterName, sqlType, typeName);
    }

    @Override
    default void registerOutParameter(String parameterName, int sqlType, int scale) throws SQLException {
        delegate().registerOutParameter(parameterName, sqlType, scale);
    }

    @Override
    default void registerOutParameter(String parameterName, int sqlType) throws SQLException {
        delegate().registerOutParameter(parameterName, sqlType);
    }

    @Override
    default void registerOutParameter(String parameterName, SQLType sqlType, String typeName) throws SQLException {
        delegate().registerOutParameter(parameterName, sqlType, typeName);
    }

    @Override
    default void registerOutParameter(String parameterName, SQLType sqlType, int scale) throws SQLException {
        delegate().registerOutParameter(parameterName, sqlType, scale);
    }

    @Override
    default void registerOutParameter(String parameterName, SQLType sqlType) throws SQLException {
        delegate().registerOutParameter(parameterName, sqlType);
    }

    @Override
    default void registerOutParameter(int parameterIndex, int sqlType, String typeName) throws SQLException {
        delegate().registerOutParameter(parameterIndex, sqlType, typeName);
    }

    @Override
    default void registerOutParameter(int parameterIndex, int sqlType, int scale) throws SQLException {
        delegate().registerOutParameter(parameterIndex, sqlType, scale);
    }

    @Override
    default void registerOutParameter(int parameterIndex, int sqlType) throws SQLException {
        delegate().registerOutParameter(parameterIndex, sqlType);
    }

    @Override
    default void registerOutParameter(int parameterIndex, SQLType sqlType, String typeName) throws SQLException {
        delegate().registerOutParameter(parameterIndex, sqlType, typeName);
    }

    @Override
    default void registerOutParameter(int parameterIndex, SQLType sqlType, int scale) throws SQLException {
        delegate().registerOutParameter(parameterIndex, sqlType, scale);
    }

    @Override
    default void registerOutParameter(int parameterIndex, SQLType sqlType) throws SQLException {
        delegate().registerOutParameter(parameterIndex, sqlType);
    }

    @Override
    default void setAsciiStream(String parameterName, InputStream x, int length) throws SQLException {
        delegate().setAsciiStream(parameterName, x, length);
    }

    @Override
    default void setAsciiStream(String parameterName, InputStream x, long length) throws SQLException {
        delegate().setAsciiStream(parameterName, x, length);
    }

    @Override
    default void setAsciiStream(String parameterName, InputStream x) throws SQLException {
        delegate().setAsciiStream(parameterName, x);
    }

    @Override
    default void setBigDecimal(String parameterName, BigDecimal x) throws SQLException {
        delegate().setBigDecimal(parameterName, x);
    }

    @Override
    default void setBinaryStream(String parameterName, InputStream x, int length) throws SQLException {
        delegate().setBinaryStream(parameterName, x, length);
    }

    @Override
    default void setBinaryStream(String parameterName, InputStream x, long length) throws SQLException {
        delegate().setBinaryStream(parameterName, x, length);
    }

    @Override
    default void setBinaryStream(String parameterName, InputStream x) throws SQLException {
        delegate().setBinaryStream(parameterName, x);
    }

    @Override
    default void setBlob(String parameterName, InputStream inputStream, long length) throws SQLException {
        delegate().setBlob(parameterName, inputStream, length);
    }

    @Override
    default void setBlob(String parameterName, InputStream inputStream) throws SQLException {
        delegate().setBlob(parameterName, inputStream);
    }

    @Override
    default void setBlob(String parameterName, Blob x) throws SQLException {
        delegate().setBlob(parameterName, x);
    }

    @Override
    default void setBoolean(String parameterName, boolean x) throws SQLException {
        delegate().setBoolean(parameterName, x);
    }

    @Override
    default void setByte(String parameterName, byte x) throws SQLException {
        delegate().setByte(parameterName, x);
    }

    @Override
    default void setBytes(String parameterName, byte[] x) throws SQLException {
        delegate().setBytes(parameterName, x);
    }

    @Override
    default void setCharacterStream(String parameterName, Reader reader, int length) throws SQLException {
        delegate().setCharacterStream(parameterName, reader, length);
    }

    @Override
    default void setCharacterStream(String parameterName, Reader reader, long length) throws SQLException {
        delegate().setCharacterStream(parameterName, reader, length);
    }

    @Override
    default void setCharacterStream(String parameterName, Reader reader) throws SQLException {
        delegate().setCharacterStream(parameterName, reader);
    }

    @Override
    default void setClob(String parameterName, Reader reader, long length) throws SQLException {
        delegate().setClob(parameterName, reader, length);
    }

    @Override
    default void setClob(String parameterName, Reader reader) throws SQLException {
        delegate().setClob(parameterName, reader);
    }

    @Override
    default void setClob(String parameterName, Clob x) throws SQLException {
        delegate().setClob(parameterName, x);
    }

    @Override
    default void setDate(String parameterName, Date x, Calendar cal) throws SQLException {
        delegate().setDate(parameterName, x, cal);
    }

    @Override
    default void setDate(String parameterName, Date x) throws SQLException {
        delegate().setDate(parameterName, x);
    }

    @Override
    default void setDouble(String parameterName, double x) throws SQLException {
        delegate().setDouble(parameterName, x);
    }

    @Override
    default void setFloat(String parameterName, float x) throws SQLException {
        delegate().setFloat(parameterName, x);
    }

    @Override
    default void setInt(String parameterName, int x) throws SQLException {
        delegate().setInt(parameterName, x);
    }

    @Override
    default void setLong(String parameterName, long x) throws SQLException {
        delegate().setLong(parameterName, x);
    }

    @Override
    default void setNCharacterStream(String parameterName, Reader reader, long length) throws SQLException {
        delegate().setNCharacterStream(parameterName, reader, length);
    }

    @Override
    default void setNCharacterStream(String parameterName, Reader reader) throws SQLException {
        delegate().setNCharacterStream(parameterName, reader);
    }

    @Override
    default void setNClob(String parameterName, Reader reader, long length) throws SQLException {
        delegate().setNClob(parameterName, reader, length);
    }

    @Override
    default void setNClob(String parameterName, Reader reader) throws SQLException {
        delegate().setNClob(parameterName, reader);
    }

    @Override
    default void setNClob(String parameterName, NClob x) throws SQLException {
        delegate().setNClob(parameterName, x);
    }

    @Override
    default void setNString(String parameterName, String x) throws SQLException {
        delegate().setNString(parameterName, x);
    }

    @Override
    default void setNull(String parameterName, int sqlType, String typeName) throws SQLException {
        delegate().setNull(parameterName, sqlType, typeName);
    }

    @Override
    default void setNull(String parameterName, int sqlType) throws SQLException {
        delegate().setNull(parameterName, sqlType);
    }

    @Override
    default void setObject(String parameterName, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        delegate().setObject(parameterName, x, targetSqlType, scaleOrLength);
    }

    @Override
    default void setObject(String parameterName, Object x, int targetSqlType) throws SQLException {
        delegate().setObject(parameterName, x, targetSqlType);
    }

    @Override
    default void setObject(String parameterName, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        delegate().setObject(parameterName, x, targetSqlType, scaleOrLength);
    }

    @Override
    default void setObject(String parameterName, Object x, SQLType targetSqlType) throws SQLException {
        delegate().setObject(parameterName, x, targetSqlType);
    }

    @Override
    default void setObject(String parameterName, Object x) throws SQLException {
        delegate().setObject(parameterName, x);
    }

    @Override
    default void setRowId(String parameterName, RowId x) throws SQLException {
        delegate().setRowId(parameterName, x);
    }

    @Override
    default void setSQLXML(String parameterName, SQLXML x) throws SQLException {
        delegate().setSQLXML(parameterName, x);
    }

    @Override
    default void setShort(String parameterName, short x) throws SQLException {
        delegate().setShort(parameterName, x);
    }

    @Override
    default void setString(String parameterName, String x) throws SQLException {
        delegate().setString(parameterName, x);
    }

    @Override
    default void setTime(String parameterName, Time x, Calendar cal) throws SQLException {
        delegate().setTime(parameterName, x, cal);
    }

    @Override
    default void setTime(String parameterName, Time x) throws SQLException {
        delegate().setTime(parameterName, x);
    }

    @Override
    default void setTimestamp(String parameterName, Timestamp x, Calendar cal) throws SQLException {
        delegate().setTimestamp(parameterName, x, cal);
    }

    @Override
    default void setTimestamp(String parameterName, Timestamp x) throws SQLException {
        delegate().setTimestamp(parameterName, x);
    }

    @Override
    default void setURL(String parameterName, URL x) throws SQLException {
        delegate().setURL(parameterName, x);
    }

    @Override
    default boolean wasNull() throws SQLException {
        return delegate().wasNull();
    }
}
