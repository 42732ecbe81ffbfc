package org.rabt.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The health-to-justice flow on the embedded defaults: PostgreSQL and Artemis under the data directory. */
class HealthToJusticeIT extends HealthToJusticeContract {

    static final Path DATA = newDataDir();
    static final WireMockServer JUSTICE = startStub();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        hubProperties(registry, DATA);
        registry.add("rabt.sectors.justice.delivery-url", () -> JUSTICE.baseUrl() + "/justice/cards");
    }

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void stopJustice() {
        JUSTICE.stop();
    }

    @Test
    void theEmbeddedDatabaseIsAPostgresServerWithItsDataUnderTheDataDirectory() {
        assertThat(jdbc.sql("SELECT current_setting('data_directory')").query(String.class).single())
                .isEqualTo(DATA.resolve("db").toAbsolutePath().toString());
        assertThat(jdbc.sql("SELECT current_setting('fsync')").query(String.class).single()).isEqualTo("on");
        assertThat(DATA.resolve("broker")).isDirectory();
    }

    @Override
    Path dataDir() {
        return DATA;
    }

    @Override
    WireMockServer justice() {
        return JUSTICE;
    }
}
