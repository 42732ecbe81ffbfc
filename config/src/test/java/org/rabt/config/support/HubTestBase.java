package org.rabt.config.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.util.FileSystemUtils;
import org.junit.jupiter.api.BeforeEach;
import org.rabt.config.RabtApplication;
import org.rabt.connectors.exchange.ExchangeConnector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The whole hub in the test JVM on its embedded defaults (real Artemis broker with a journal, real
 * H2 file database, real TLS on the exchange port), with a fresh data directory per test class and
 * a WireMock server standing in for the justice system.
 */
@SpringBootTest(classes = RabtApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class HubTestBase {

    @Autowired
    private ExchangeConnector exchangeConnector;

    @LocalServerPort
    protected int staffPort;

    /**
     * The data directories of this JVM's whole-hub tests, removed when the test JVM ends (after
     * every Spring context has closed its database and broker). Left behind, tens to hundreds of MB
     * each, they filled the disk over a few runs until Artemis blocked its addresses ("Disk Full"
     * at 90 % used) and the tests failed. {@code -Drabt.test.keep-data=true} keeps them.
     */
    private static final List<Path> DATA_DIRS = new CopyOnWriteArrayList<>();

    static {
        if (!Boolean.getBoolean("rabt.test.keep-data")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> DATA_DIRS.forEach(HubTestBase::deleteQuietly),
                    "rabt-test-data-cleanup"));
        }
    }

    protected static Path newDataDir() {
        try {
            Path dir = Files.createTempDirectory("rabt-test-");
            DATA_DIRS.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException stillInUse) {
            // best effort at exit: a file a process still holds stays for the system's /tmp cleaning
        }
    }

    protected static WireMockServer startStub() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }

    /** Properties every whole-hub test shares: its own data directory and a free exchange port. */
    protected static void hubProperties(DynamicPropertyRegistry registry, Path dataDir) {
        registry.add("rabt.data-dir", dataDir::toString);
        registry.add("rabt.exchange.port", () -> 0);
        registry.add("rabt.exchange.address", () -> "127.0.0.1");
        registry.add("rabt.amqp.port", () -> 0);
        registry.add("rabt.amqp.address", () -> "127.0.0.1");
        // the demo staff users (password "demo"), for the staff API
        registry.add("rabt.demo", () -> true);
        // ... without the simulated sector systems' traffic, which would mix with each test's own cards
        registry.add("rabt.demo-sectors", () -> false);
    }

    /** A request to the staff port signed in as one of the demo users ({@code security.officer}, {@code operator}, ...). */
    protected HttpRequest.Builder staffRequest(String user, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + staffPort + path))
                .header("Authorization", StaffCredentials.basic(user, StaffCredentials.DEMO_PASSWORD));
    }

    protected int exchangePort() {
        return exchangeConnector.localPort();
    }

    protected SectorClient sector(String sector, Path dataDir) {
        return SectorClient.of(sector, dataDir.resolve("pki"), exchangePort());
    }

    @BeforeEach
    void exchangeIsListening() {
        if (exchangePort() <= 0) {
            throw new IllegalStateException("the exchange port did not start");
        }
    }
}
