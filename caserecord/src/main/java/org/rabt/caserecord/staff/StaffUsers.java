package org.rabt.caserecord.staff;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code staff_user} table: who may sign in to the staff API and console, with which role. */
public final class StaffUsers {

    /** Lower-case names such as {@code social.worker}: they appear as the actor of audit entries. */
    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final JdbcClient jdbc;

    public StaffUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StaffUser> find(String username) {
        return jdbc.sql("SELECT username, password_hash, role, created_at, disabled FROM staff_user WHERE username = ?")
                .param(username)
                .query((row, n) -> new StaffUser(row.getString(1), row.getString(2), StaffRole.valueOf(row.getString(3)),
                        row.getObject(4, OffsetDateTime.class).toInstant(), row.getBoolean(5)))
                .optional();
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM staff_user").query(Long.class).single() == 0;
    }

    /** Adds the user unless one of that name exists; returns whether it was added. */
    public boolean addIfAbsent(String username, String passwordHash, StaffRole role, Instant now) {
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("a username is 1 to 64 of a-z, 0-9, '.', '_' and '-', starting with a "
                    + "letter or digit: " + username);
        }
        return jdbc.sql("""
                INSERT INTO staff_user (username, password_hash, role, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (username) DO NOTHING""")
                .params(username, passwordHash, role.name(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update() == 1;
    }
}
