package org.rabt.config.keys;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.rabt.caserecord.audit.AuditStore;
import org.rabt.caserecord.keys.KeyCounts;
import org.rabt.caserecord.keys.Tally;
import org.rabt.config.HubProperties;
import org.rabt.config.database.CommandLineDatabase;
import org.rabt.security.SecurityMisconfiguration;
import org.rabt.security.SecurityViolation;
import org.rabt.security.atrest.DataKeys;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data keys under {@code D/keys/data}, while the hub runs or not:
 * <ul>
 * <li>{@code keys rotate [--data-dir D]} adds a key (one id above the highest); the hub encrypts
 * new values with it within {@link DataKeys#RELIST_EVERY}; values already stored keep their key.
 * <li>{@code keys reencrypt [--data-dir D] [--batch N]} rewrites every stored value (CPMs,
 * evidence, attachments, batch files) sealed under an older key, or stored in clear, under the
 * newest key, N rows per transaction; prints what it did and writes one audit entry.
 * <li>{@code keys retire ID [--data-dir D]} deletes key ID once no stored value names it (else
 * {@code RABT-S008}); never the newest ({@code RABT-S009}). Audited.
 * </ul>
 * The database is the one the hub's own settings name ({@link CommandLineDatabase}): give the tool
 * the same {@code --spring.profiles.active=production} and {@code spring.datasource.*} settings,
 * as arguments or environment variables. Exits 0 when done, 1 when refused or incomplete, 2 on misuse.
 */
public final class KeysCli {

    static final String USAGE = """
            usage: java -jar rabt.jar keys rotate [--data-dir DIR]
                   java -jar rabt.jar keys reencrypt [--data-dir DIR] [--batch N] [--name=value ...]
                   java -jar rabt.jar keys retire ID [--data-dir DIR] [--name=value ...]
              --name=value: the hub's own settings (e.g. --spring.profiles.active=production), for the database""";
    static final int DEFAULT_BATCH = 500;

    private KeysCli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Command command = Command.parse(args);
        if (command == null) {
            err.println(USAGE);
            return 2;
        }
        return switch (command.name()) {
            case "rotate" -> rotate(command, out, err);
            case "reencrypt" -> reencrypt(command, out, err);
            default -> retire(command, out, err);
        };
    }

    private static int rotate(Command command, PrintStream out, PrintStream err) {
        Path directory = new HubProperties(command.dataDirOr(Path.of("./data"))).dataKeysDir();
        try {
            int id = DataKeys.rotate(directory);
            out.println("added data key " + id + " under " + directory
                    + "; the hub encrypts new values with it within " + DataKeys.RELIST_EVERY.toSeconds()
                    + " s. Back up the keys directory: without its keys, the stored cards cannot be read."
                    + " After a minute, run keys reencrypt to bring the stored values under it.");
            return 0;
        } catch (SecurityMisconfiguration e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private static int reencrypt(Command command, PrintStream out, PrintStream err) {
        quietLogging();
        Clock clock = Clock.systemUTC();
        try (Opened opened = Opened.of(CommandLineDatabase.settings(command.dataDir(), command.settings()))) {
            CommandLineDatabase database = opened.database();
            StoredKeys keys = opened.keys();
            out.println("re-encrypting under data key " + keys.newestKeyId() + " in " + database.description());
            List<Tally> tallies = keys.reencrypt(command.batch());
            List<String> failures = new ArrayList<>();
            for (Tally tally : tallies) {
                out.printf("%-20s %8d re-encrypted %8d encrypted from clear %8d already current %8d skipped%n",
                        tally.place(), tally.reencrypted(), tally.encryptedFromClear(), tally.alreadyCurrent(),
                        tally.skipped());
                failures.addAll(tally.failures());
            }
            long skipped = tallies.stream().mapToLong(Tally::skipped).sum();
            if (skipped > 0) {
                out.println(skipped + " skipped: changed by the hub meanwhile, or a batch still being processed."
                        + " Run keys reencrypt again to finish.");
            }
            failures.forEach(failure -> err.println("not re-encrypted: " + failure));
            audit(database, clock, "keys-reencrypted", failures.isEmpty() ? "success" : "failure", null,
                    summary(keys.newestKeyId(), tallies, failures.size()));
            return failures.isEmpty() ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private static int retire(Command command, PrintStream out, PrintStream err) {
        quietLogging();
        Clock clock = Clock.systemUTC();
        try (Opened opened = Opened.of(CommandLineDatabase.settings(command.dataDir(), command.settings()))) {
            CommandLineDatabase database = opened.database();
            StoredKeys keys = opened.keys();
            Instant countBegan = clock.instant();
            KeyCounts counts = keys.count(command.batch());
            try {
                DataKeys.retire(keys.directory(), command.keyId(), counts.naming(command.keyId()), countBegan);
            } catch (SecurityViolation refused) {
                audit(database, clock, "key-retired", "failure", refused.code(), refused.detail());
                err.println(refused.getMessage());
                return 1;
            }
            audit(database, clock, "key-retired", "success", null, "data key " + command.keyId() + " deleted; "
                    + counts.byKey() + " values by key, " + counts.inClear() + " in clear");
            out.println("retired data key " + command.keyId() + " (no stored value names it); values by key now: "
                    + counts.byKey() + (counts.inClear() > 0 ? ", " + counts.inClear() + " still in clear" : "")
                    + ". Backups taken before the re-encryption still need it: destroy them, or keep a copy of the key"
                    + " with them.");
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    /** The audit line: the key, then per place re-encrypted/from clear/current/skipped (300 characters at most). */
    static String summary(int keyId, List<Tally> tallies, int failures) {
        StringBuilder detail = new StringBuilder("to key ").append(keyId).append(" (re-encrypted/from clear/current/skipped):");
        for (Tally tally : tallies) {
            detail.append(' ').append(tally.place()).append(' ').append(tally.reencrypted()).append('/')
                    .append(tally.encryptedFromClear()).append('/').append(tally.alreadyCurrent()).append('/')
                    .append(tally.skipped()).append(';');
        }
        return detail.append(' ').append(failures).append(" failures").toString();
    }

    private static void audit(CommandLineDatabase database, Clock clock, String action, String outcome,
            String errorCode, String detail) {
        new AuditStore(JdbcClient.create(database.dataSource()), new JdbcTemplate(database.dataSource()),
                new TransactionTemplate(new DataSourceTransactionManager(database.dataSource())))
                .record(clock.instant(), System.getProperty("user.name", "unknown"), "cli", action, null, null, outcome,
                        errorCode, null, detail);
    }

    /** The database's start-up chatter would bury the lines the operator needs (the hub configures logging; a CLI does not). */
    private static void quietLogging() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    /** The keys, then the database: a data directory without keys is refused before any database starts. */
    /**
     * The database and the stored values, for one run of {@code reencrypt} or {@code retire}, which
     * holds a PostgreSQL advisory lock on a session of its own meanwhile: two runs at once could
     * each replace the same batch file, and a count racing a re-encryption means nothing.
     */
    private record Opened(CommandLineDatabase database, StoredKeys keys, Connection lock)
            implements AutoCloseable {

        /** The advisory lock's key ("rabtkeys"); the cluster lead uses another. */
        private static final long ONE_RUN_AT_A_TIME = 0x726162746b657973L;

        static Opened of(CommandLineDatabase.Settings settings) throws IOException {
            DataKeys keys = StoredKeys.keys(settings.dataDir());
            CommandLineDatabase database = settings.open();
            Connection lock = null;
            try {
                lock = database.dataSource().getConnection();
                try (PreparedStatement take = lock.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                    take.setLong(1, ONE_RUN_AT_A_TIME);
                    try (ResultSet taken = take.executeQuery()) {
                        if (!taken.next() || !taken.getBoolean(1)) {
                            throw new IOException("another keys reencrypt or keys retire is running on this database;"
                                    + " wait for it to finish, then run this one");
                        }
                    }
                }
                return new Opened(database, StoredKeys.open(keys, database.dataSource(), settings.dataDir()), lock);
            } catch (IOException | SQLException | RuntimeException e) {
                closeQuietly(lock);
                database.close();
                if (e instanceof IOException io) {
                    throw io;
                }
                throw new IOException("cannot take the keys tool's lock in " + database.description() + ": "
                        + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws IOException {
            // the session's end releases the lock
            closeQuietly(lock);
            database.close();
        }

        private static void closeQuietly(Connection connection) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // closing the session is all that is left to do
                }
            }
        }
    }

    /** The parsed command line; null from {@link #parse} on misuse. */
    record Command(String name, Path dataDir, int batch, int keyId, List<String> settings) {

        Path dataDirOr(Path fallback) {
            return dataDir == null ? fallback : dataDir;
        }

        static Command parse(String[] args) {
            if (args.length < 2 || !List.of("rotate", "reencrypt", "retire").contains(args[1])) {
                return null;
            }
            String name = args[1];
            Path dataDir = null;
            int batch = DEFAULT_BATCH;
            Integer keyId = null;
            List<String> settings = new ArrayList<>();
            for (int i = 2; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--data-dir") && i + 1 < args.length) {
                    dataDir = Path.of(args[++i]);
                } else if (arg.equals("--batch") && i + 1 < args.length && !name.equals("rotate")) {
                    batch = positive(args[++i]);
                    if (batch < 1) {
                        return null;
                    }
                } else if (arg.startsWith("--") && arg.contains("=") && !name.equals("rotate")) {
                    settings.add(arg);
                } else if (name.equals("retire") && keyId == null && arg.matches("\\d{1,3}")) {
                    keyId = Integer.valueOf(arg);
                } else {
                    return null;
                }
            }
            if (name.equals("retire") == (keyId == null)) {
                return null;
            }
            return new Command(name, dataDir, batch, keyId == null ? 0 : keyId, List.copyOf(settings));
        }

        private static int positive(String number) {
            return number.matches("\\d{1,6}") ? Integer.parseInt(number) : 0;
        }
    }
}
