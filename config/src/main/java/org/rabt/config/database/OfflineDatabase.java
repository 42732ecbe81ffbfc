package org.rabt.config.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The hub's embedded database opened by a command-line tool ({@code users add}) while the hub is
 * stopped: the same PostgreSQL on {@code DATA/db}, brought to the same schema. It refuses to open
 * while a server runs on that directory, since that is the hub's own (or one it left behind,
 * which the hub's next start takes over).
 */
public final class OfflineDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private OfflineDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static OfflineDatabase open(Path dataDir) throws IOException {
        Path directory = dataDir.resolve("db").toAbsolutePath();
        if (OrphanedPostgres.running(directory).isPresent()) {
            throw new IOException("the hub's database is running on " + directory + ": stop the hub first");
        }
        Files.createDirectories(directory);
        EmbeddedPostgres postgres = EmbeddedDatabaseConfiguration.start(directory, 0);
        try {
            Flyway.configure().dataSource(postgres.getPostgresDatabase()).load().migrate();
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        return new OfflineDatabase(postgres);
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
