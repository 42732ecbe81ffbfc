package org.rabt.config.staff;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.rabt.caserecord.audit.AuditStore;
import org.rabt.caserecord.staff.StaffRole;
import org.rabt.caserecord.staff.StaffUsers;
import org.rabt.config.database.OfflineDatabase;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code java -jar rabt.jar users add --username U --role R [--data-dir D] [--password-stdin]}:
 * adds a member of staff to the embedded user store while the hub is stopped (it opens the hub's
 * embedded database itself). The password is asked twice on the terminal, or read as one line
 * from standard input; only its bcrypt hash is kept. The addition is an audit entry. Exits 0
 * when added, 1 when refused (the user exists, the hub is running), 2 on misuse.
 */
public final class UsersCli {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final String USAGE = "usage: java -jar rabt.jar users add --username U --role R [--data-dir D] "
            + "[--password-stdin]\n  roles: social-worker, coordinator, security-officer, operator, committee";

    private UsersCli() {
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length < 2 || !"add".equals(args[1])) {
            err.println(USAGE);
            return 2;
        }
        Map<String, String> options = options(Arrays.copyOfRange(args, 2, args.length));
        if (options == null || !options.containsKey("username") || !options.containsKey("role")) {
            err.println(USAGE);
            return 2;
        }
        String username = options.get("username");
        if (!StaffUsers.USERNAME.matcher(username).matches()) {
            err.println("a username is 1 to 64 of a-z, 0-9, '.', '_' and '-': " + username);
            return 2;
        }
        Optional<StaffRole> role = StaffRole.parse(options.get("role"));
        if (role.isEmpty()) {
            err.println("unknown role " + options.get("role") + "\n" + USAGE);
            return 2;
        }
        Optional<String> password = options.containsKey("password-stdin") ? readLine(in) : askTwice(err);
        if (password.isEmpty()) {
            return 2;
        }
        if (password.get().length() < MIN_PASSWORD_LENGTH) {
            err.println("the password needs at least " + MIN_PASSWORD_LENGTH + " characters");
            return 2;
        }
        Path dataDir = Path.of(options.getOrDefault("data-dir", "./data"));
        quietLogging();
        try (OfflineDatabase database = OfflineDatabase.open(dataDir)) {
            StaffUsers users = new StaffUsers(JdbcClient.create(database.dataSource()));
            Clock clock = Clock.systemUTC();
            if (!users.addIfAbsent(username, new BCryptPasswordEncoder().encode(password.get()), role.get(),
                    clock.instant())) {
                err.println("a staff user " + username + " exists already");
                return 1;
            }
            new AuditStore(JdbcClient.create(database.dataSource()), new JdbcTemplate(database.dataSource()),
                    new TransactionTemplate(new DataSourceTransactionManager(database.dataSource())))
                    .record(clock.instant(), System.getProperty("user.name", "unknown"), "cli", "staff-user-added", null,
                            null, "success", null, null, username + " " + role.get());
            out.println("added " + username + " (" + role.get() + ")");
            return 0;
        } catch (IOException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    /** The database's start-up chatter would bury the one line the operator needs (the hub configures logging; a CLI does not). */
    private static void quietLogging() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    /** {@code --name value}, {@code --name=value}, and the flag {@code --password-stdin}; null on anything else. */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                return null;
            }
            String name = args[i].substring(2);
            if (name.equals("password-stdin")) {
                options.put(name, "");
            } else if (name.contains("=")) {
                options.put(name.substring(0, name.indexOf('=')), name.substring(name.indexOf('=') + 1));
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                return null;
            }
        }
        return options;
    }

    private static Optional<String> readLine(InputStream in) {
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            return Optional.ofNullable(line);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> askTwice(PrintStream err) {
        Console console = System.console();
        if (console == null) {
            err.println("no terminal to ask the password on: pipe it with --password-stdin");
            return Optional.empty();
        }
        char[] first = console.readPassword("password: ");
        char[] second = console.readPassword("again: ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
            err.println("the two passwords differ");
            return Optional.empty();
        }
        return Optional.of(new String(first));
    }
}
