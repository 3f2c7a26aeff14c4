package io.palisade.interceptor.jdbc;

import io.palisade.core.hook.JdbcHooks;
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
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.PreparedStatement;
import java.util.Calendar;

/**
 * A prepared statement. Its SQL fired a {@code jdbc} prepare hook point when it was prepared; its own
 * {@code execute} methods carry only bound parameters, which never change the statement's structure.
 */
@SuppressWarnings("deprecation")
public class PalisadePreparedStatement extends PalisadeStatement implements PreparedStatement {

    private final PreparedStatement prepared;

    PalisadePreparedStatement(PalisadeConnection connection, PreparedStatement prepared, JdbcHooks hooks) {
        super(connection, prepared, hooks);
        this.prepared = prepared;
    }

    // ---- forwarded unchanged: the SQL was checked when the statement was prepared ----

    @Override
    public void addBatch() throws SQLException {
        prepared.addBatch();
    }

    @Override
    public void clearParameters() throws SQLException {
        prepared.clearParameters();
    }

    @Override
    public boolean execute() throws SQLException {
        return prepared.execute();
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        return prepared.executeLargeUpdate();
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        return prepared.executeQuery();
    }

    @Override
    public int executeUpdate() throws SQLException {
        return prepared.executeUpdate();
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        return prepared.getMetaData();
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        return prepared.getParameterMetaData();
    }

    @Override
    public void setArray(int p1, Array p2) throws SQLException {
        prepared.setArray(p1, p2);
    }

    @Override
    public void setAsciiStream(int p1, InputStream p2, int p3) throws SQLException {
        prepared.setAsciiStream(p1, p2, p3);
    }

    @Override
    public void setAsciiStream(int p1, InputStream p2, long p3) throws SQLException {
        prepared.setAsciiStream(p1, p2, p3);
    }

    @Override
    public void setAsciiStream(int p1, InputStream p2) throws SQLException {
        prepared.setAsciiStream(p1, p2);
    }

    @Override
    public void setBigDecimal(int p1, BigDecimal p2) throws SQLException {
        prepared.setBigDecimal(p1, p2);
    }

    @Override
    public void setBinaryStream(int p1, InputStream p2, int p3) throws SQLException {
        prepared.setBinaryStream(p1, p2, p3);
    }

    @Override
    public void setBinaryStream(int p1, InputStream p2, long p3) throws SQLException {
        prepared.setBinaryStream(p1, p2, p3);
    }

    @Override
    public void setBinaryStream(int p1, InputStream p2) throws SQLException {
        prepared.setBinaryStream(p1, p2);
    }

    @Override
    public void setBlob(int p1, InputStream p2, long p3) throws SQLException {
        prepared.setBlob(p1, p2, p3);
    }

    @Override
    public void setBlob(int p1, InputStream p2) throws SQLException {
        prepared.setBlob(p1, p2);
    }

    @Override
    public void setBlob(int p1, Blob p2) throws SQLException {
        prepared.setBlob(p1, p2);
    }

    @Override
    public void setBoolean(int p1, boolean p2) throws SQLException {
        prepared.setBoolean(p1, p2);
    }

    @Override
    public void setByte(int p1, byte p2) throws SQLException {
        prepared.setByte(p1, p2);
    }

    @Override
    public void setBytes(int p1, byte[] p2) throws SQLException {
        prepared.setBytes(p1, p2);
    }

    @Override
    public void setCharacterStream(int p1, Reader p2, int p3) throws SQLException {
        prepared.setCharacterStream(p1, p2, p3);
    }

    @Override
    public void setCharacterStream(int p1, Reader p2, long p3) throws SQLException {
        prepared.setCharacterStream(p1, p2, p3);
    }

    @Override
    public void setCharacterStream(int p1, Reader p2) throws SQLException {
        prepared.setCharacterStream(p1, p2);
    }

    @Override
    public void setClob(int p1, Reader p2, long p3) throws SQLException {
        prepared.setClob(p1, p2, p3);
    }

    @Override
    public void setClob(int p1, Reader p2) throws SQLException {
        prepared.setClob(p1, p2);
    }

    @Override
    public void setClob(int p1, Clob p2) throws SQLException {
        prepared.setClob(p1, p2);
    }

    @Override
    public void setDate(int p1, Date p2, Calendar p3) throws SQLException {
        prepared.setDate(p1, p2, p3);
    }

    @Override
    public void setDate(int p1, Date p2) throws SQLException {
        prepared.setDate(p1, p2);
    }

    @Override
    public void setDouble(int p1, double p2) throws SQLException {
        prepared.setDouble(p1, p2);
    }

    @Override
    public void setFloat(int p1, float p2) throws SQLException {
        prepared.setFloat(p1, p2);
    }

    @Override
    public void setInt(int p1, int p2) throws SQLException {
        prepared.setInt(p1, p2);
    }

    @Override
    public void setLong(int p1, long p2) throws SQLException {
        prepared.setLong(p1, p2);
    }

    @Override
    public void setNCharacterStream(int p1, Reader p2, long p3) throws SQLException {
        prepared.setNCharacterStream(p1, p2, p3);
    }

    @Override
    public void setNCharacterStream(int p1, Reader p2) throws SQLException {
        prepared.setNCharacterStream(p1, p2);
    }

    @Override
    public void setNClob(int p1, Reader p2, long p3) throws SQLException {
        prepared.setNClob(p1, p2, p3);
    }

    @Override
    public void setNClob(int p1, Reader p2) throws SQLException {
        prepared.setNClob(p1, p2);
    }

    @Override
    public void setNClob(int p1, NClob p2) throws SQLException {
        prepared.setNClob(p1, p2);
    }

    @Override
    public void setNString(int p1, String p2) throws SQLException {
        prepared.setNString(p1, p2);
    }

    @Override
    public void setNull(int p1, int p2, String p3) throws SQLException {
        prepared.setNull(p1, p2, p3);
    }

    @Override
    public void setNull(int p1, int p2) throws SQLException {
        prepared.setNull(p1, p2);
    }

    @Override
    public void setObject(int p1, Object p2, int p3, int p4) throws SQLException {
        prepared.setObject(p1, p2, p3, p4);
    }

    @Override
    public void setObject(int p1, Object p2, int p3) throws SQLException {
        prepared.setObject(p1, p2, p3);
    }

    @Override
    public void setObject(int p1, Object p2, SQLType p3, int p4) throws SQLException {
        prepared.setObject(p1, p2, p3, p4);
    }

    @Override
    public void setObject(int p1, Object p2, SQLType p3) throws SQLException {
        prepared.setObject(p1, p2, p3);
    }

    @Override
    public void setObject(int p1, Object p2) throws SQLException {
        prepared.setObject(p1, p2);
    }

    @Override
    public void setRef(int p1, Ref p2) throws SQLException {
        prepared.setRef(p1, p2);
    }

    @Override
    public void setRowId(int p1, RowId p2) throws SQLException {
        prepared.setRowId(p1, p2);
    }

    @Override
    public void setSQLXML(int p1, SQLXML p2) throws SQLException {
        prepared.setSQLXML(p1, p2);
    }

    @Override
    public void setShort(int p1, short p2) throws SQLException {
        prepared.setShort(p1, p2);
    }

    @Override
    public void setString(int p1, String p2) throws SQLException {
        prepared.setString(p1, p2);
    }

    @Override
    public void setTime(int p1, Time p2, Calendar p3) throws SQLException {
        prepared.setTime(p1, p2, p3);
    }

    @Override
    public void setTime(int p1, Time p2) throws SQLException {
        prepared.setTime(p1, p2);
    }

    @Override
    public void setTimestamp(int p1, Timestamp p2, Calendar p3) throws SQLException {
        prepared.setTimestamp(p1, p2, p3);
    }

    @Override
    public void setTimestamp(int p1, Timestamp p2) throws SQLException {
        prepared.setTimestamp(p1, p2);
    }

    @Override
    public void setURL(int p1, URL p2) throws SQLException {
        prepared.setURL(p1, p2);
    }

    @Override
    @Deprecated
    public void setUnicodeStream(int p1, InputStream p2, int p3) throws SQLException {
        prepared.setUnicodeStream(p1, p2, p3);
    }

}
