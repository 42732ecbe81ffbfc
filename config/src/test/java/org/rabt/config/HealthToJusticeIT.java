package org.rabt.config;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The health-to-justice flow on the embedded default database (H2 under the data directory). */
class HealthToJusticeIT extends HealthToJusticeContract {

    static final Path DATA = newDataDir();
    static final WireMockServer JUSTICE = startStub();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        hubProperties(registry, DATA);
        registry.add("rabt.sectors.justice.delivery-url", () -> JUSTICE.baseUrl() + "/justice/cards");
    }

    @AfterAll
    static void stopJustice() {
        JUSTICE.stop();
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
