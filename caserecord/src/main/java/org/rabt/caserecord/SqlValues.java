package org.rabt.caserecord;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * How the stores hand values to PostgreSQL and read them back. {@code TIMESTAMPTZ} travels as
 * {@code OffsetDateTime} (JDBC 4.2), so the JVM's default time zone stays out of it.
 */
public final class SqlValues {

    private SqlValues() {
    }

    /** An instant as a {@code TIMESTAMPTZ} parameter, in UTC. */
    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A {@code TIMESTAMPTZ} column as an instant, or {@code null}. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    /** {@code text} cut to fit a {@code VARCHAR(max)}, marked with an ellipsis. */
    public static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
