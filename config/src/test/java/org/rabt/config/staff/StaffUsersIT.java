package org.rabt.config.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rabt.caserecord.staff.StaffRole;
import org.rabt.caserecord.staff.StaffUser;
import org.rabt.caserecord.staff.StaffUsers;
import org.rabt.config.database.OfflineDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The embedded user store as an operator meets it, on a real embedded PostgreSQL: the first
 * start's one-time operator password, and {@code users add} while the hub is stopped.
 */
class StaffUsersIT {

    private static final Pattern PRINTED_PASSWORD = Pattern.compile("password: (\\S+)");

    @Test
    void theFirstStartPrintsOneOperatorPasswordOnceAndKeepsOnlyItsHash() throws IOException {
        Path data = Files.createTempDirectory("rabt-users-");
        try (OfflineDatabase database = OfflineDatabase.open(data)) {
            StaffUsers users = new StaffUsers(JdbcClient.create(database.dataSource()));
            BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
            ByteArrayOutputStream console = new ByteArrayOutputStream();

            new StaffUsersBootstrap(users, bcrypt, Clock.systemUTC(), new PrintStream(console, true, StandardCharsets.UTF_8))
                    .run(false);
            new StaffUsersBootstrap(users, bcrypt, Clock.systemUTC(), new PrintStream(console, true, StandardCharsets.UTF_8))
                    .run(false);

            Matcher printed = PRINTED_PASSWORD.matcher(console.toString(StandardCharsets.UTF_8));
            assertThat(printed.find()).isTrue();
            String password = printed.group(1);
            assertThat(printed.find()).as("printed on the first start only").isFalse();
            StaffUser operator = users.find("operator").orElseThrow();
            assertThat(operator.role()).isEqualTo(StaffRole.OPERATOR);
            assertThat(operator.passwordHash()).doesNotContain(password).startsWith("$2");
            assertThat(bcrypt.matches(password, operator.passwordHash())).isTrue();
        }
    }

    @Test
    void usersAddCreatesAUserWithThePipedPasswordAndRefusesTheSameNameTwice() throws IOException {
        Path data = Files.createTempDirectory("rabt-users-");
        String[] add = {"users", "add", "--username", "amina.b", "--role", "security-officer", "--data-dir", data.toString(),
                "--password-stdin"};

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int first = UsersCli.run(add, stdin("correct horse battery"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int second = UsersCli.run(add, stdin("another long password"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(first).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(second).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("exists already");
        try (OfflineDatabase database = OfflineDatabase.open(data)) {
            StaffUser user = new StaffUsers(JdbcClient.create(database.dataSource())).find("amina.b").orElseThrow();
            assertThat(user.role()).isEqualTo(StaffRole.SECURITY_OFFICER);
            assertThat(new BCryptPasswordEncoder().matches("correct horse battery", user.passwordHash())).isTrue();
            assertThat(JdbcClient.create(database.dataSource())
                    .sql("SELECT count(*) FROM audit_entry WHERE action = 'staff-user-added' AND detail LIKE 'amina.b %'")
                    .query(Long.class).single()).isEqualTo(1);
        }
    }

    @Test
    void usersAddRefusesAShortPasswordAndAnUnknownRoleBeforeTouchingTheDatabase() throws IOException {
        Path data = Files.createTempDirectory("rabt-users-");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertThat(UsersCli.run(new String[] {"users", "add", "--username", "x", "--role", "operator", "--data-dir",
                data.toString(), "--password-stdin"}, stdin("short"), System.out, errors)).isEqualTo(2);
        assertThat(UsersCli.run(new String[] {"users", "add", "--username", "x", "--role", "admin", "--data-dir",
                data.toString(), "--password-stdin"}, stdin("long enough password"), System.out, errors)).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("at least 12 characters").contains("unknown role admin");
        assertThat(data.resolve("db")).doesNotExist();
    }

    private static ByteArrayInputStream stdin(String line) {
        return new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
