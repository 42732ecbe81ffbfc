package org.rabt.config;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rabt.config.support.Deliveries;
import org.rabt.config.support.HealthExamples;
import org.rabt.config.support.HubProcess;
import org.rabt.config.support.SectorClient;

/**
 * {@code java -jar rabt.jar install DIR} as an operator runs it, then the hub started from DIR as
 * the command prints: it loads its classes from the archive the training start made, and carries a
 * signed health card to justice.
 */
class InstallIT {

    @TempDir
    Path workDir;

    WireMockServer justice;
    HubProcess hub;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
        if (justice != null) {
            justice.stop();
        }
    }

    @Test
    void theInstalledHubStartsFromItsClassDataArchiveAndCarriesACard() throws Exception {
        Path app = workDir.resolve("app");
        Process install = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", HubProcess.builtJar().toString(), "install", app.toString())
                .directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("install-command.log").toFile()).start();
        assertThat(install.waitFor(6, TimeUnit.MINUTES)).as("install finished").isTrue();
        String printed = Files.readString(workDir.resolve("install-command.log"));
        assertThat(install.exitValue()).as(printed).isZero();
        assertThat(printed).contains("-XX:SharedArchiveFile=" + app.resolve("rabt.jsa") + " -jar " + app.resolve("rabt.jar"));
        assertThat(app.resolve("rabt.jsa")).isRegularFile();
        try (Stream<Path> libraries = Files.list(app.resolve("lib"))) {
            assertThat(libraries.filter(p -> p.toString().endsWith(".jar")).count()).isGreaterThan(100);
        }
        // the training start stopped everything it started (its PostgreSQL among them) and left no data behind
        assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(line -> line.contains(app.toString())).toList()).isEmpty();
        try (Stream<Path> left = Files.list(app)) {
            assertThat(left.map(p -> p.getFileName().toString()).filter(name -> name.startsWith(".training"))).isEmpty();
        }

        justice = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        justice.start();
        justice.stubFor(post("/justice/cards").willReturn(aResponse().withStatus(202)));
        int exchangePort = HubProcess.freePort();
        int staffPort = HubProcess.freePort();
        Path classLoads = workDir.resolve("class-load.log");
        hub = new HubProcess(app.resolve("rabt.jar"), List.of("-XX:SharedArchiveFile=" + app.resolve("rabt.jsa"),
                "-Xlog:class+load=info:file=" + classLoads), workDir, staffPort, List.of(
                "--server.port=" + staffPort,
                "--rabt.exchange.port=" + exchangePort,
                "--rabt.exchange.address=127.0.0.1",
                "--rabt.amqp.port=" + HubProcess.freePort(),
                "--rabt.sectors.justice.delivery-url=" + justice.baseUrl() + "/justice/cards"));
        System.out.println("installed hub healthy in " + hub.startAndAwaitHealthy(Duration.ofSeconds(90)).toMillis() + " ms");
        // the application's own classes and its libraries', not only the JDK's, come from the archive
        assertThat(sharedClassesFromTheApplication(classLoads)).isGreaterThan(5_000);

        SectorClient health = SectorClient.of("health", workDir.resolve("data/pki"), exchangePort);
        String card = HealthExamples.asNewCard(HealthExamples.read(HealthExamples.PROSECUTOR));
        HttpResponse<String> response = health.postCard(card.getBytes(StandardCharsets.UTF_8), HealthExamples.MEDIA_TYPE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(Deliveries.countsByCardId(justice)).containsKey(HealthExamples.cardId(card)));
    }

    /** Lines such as {@code org.rabt.routes.X source: shared objects file (top)}: the dynamic archive's layer. */
    private static long sharedClassesFromTheApplication(Path classLoads) throws IOException {
        try (Stream<String> lines = Files.lines(classLoads)) {
            return lines.filter(line -> line.contains("source: shared objects file (top)")).count();
        }
    }
}
