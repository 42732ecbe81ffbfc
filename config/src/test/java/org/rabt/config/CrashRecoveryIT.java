package org.rabt.config;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rabt.config.support.Deliveries;
import org.rabt.config.support.HealthExamples;
import org.rabt.config.support.HubProcess;
import org.rabt.config.support.SectorClient;

/**
 * The README's run command, then kill -9 while four clients post: after the restart, every card
 * that got a 202 reaches justice; only cards in flight at the crash may arrive twice.
 */
class CrashRecoveryIT {

    /** Justice delivery consumers: at most this many deliveries can be in flight at the kill. */
    static final int CONSUMERS = 4;

    @TempDir
    Path workDir;

    WireMockServer justice;
    HubProcess hub;
    int exchangePort;

    @BeforeEach
    void start() {
        justice = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(20));
        justice.start();
        // A slow justice system: cards pile up in its queue, so the kill finds some accepted and not yet delivered.
        justice.stubFor(post("/justice/cards").willReturn(aResponse().withStatus(202).withFixedDelay(400)));
        exchangePort = HubProcess.freePort();
        int staffPort = HubProcess.freePort();
        // No --rabt.data-dir: the README's command keeps its state under ./data of the working directory.
        hub = new HubProcess(HubProcess.builtJar(), workDir, staffPort, List.of(
                "--server.port=" + staffPort,
                "--rabt.exchange.port=" + exchangePort,
                "--rabt.exchange.address=127.0.0.1",
                "--rabt.amqp.port=" + HubProcess.freePort(),
                "--rabt.sectors.justice.delivery-url=" + justice.baseUrl() + "/justice/cards",
                "--rabt.sectors.justice.consumers=" + CONSUMERS));
    }

    /**
     * A liveness bound, not a performance assertion: start-up takes 11-14 s on an idle 2-core
     * machine (docs/benchmarks.md) and more when other builds share it.
     */
    private static final Duration STARTUP_BOUND = Duration.ofSeconds(90);

    @AfterEach
    void stop() {
        hub.close();
        justice.stop();
    }

    @Test
    void everyAcceptedCardIsDeliveredAfterAKillDashNine() throws Exception {
        Duration firstStart = hub.startAndAwaitHealthy(STARTUP_BOUND);
        System.out.println("rabt first start to healthy: " + firstStart.toMillis() + " ms");
        Path pki = workDir.resolve("data/pki");
        assertThat(pki.resolve("ca.pem")).isRegularFile();
        assertThat(pki.resolve("sectors/health/cert.pem")).isRegularFile();
        assertThat(pki.resolve("sectors/health/key.pem")).isRegularFile();

        SectorClient health = SectorClient.of("health", pki, exchangePort);
        String template = HealthExamples.read(HealthExamples.PROSECUTOR);
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicBoolean posting = new AtomicBoolean(true);
        AtomicInteger refusedOrCut = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            clients.submit(() -> {
                while (posting.get()) {
                    String card = HealthExamples.asNewCard(template);
                    try {
                        HttpResponse<String> response = health.postCard(card.getBytes(StandardCharsets.UTF_8),
                                HealthExamples.MEDIA_TYPE);
                        if (response.statusCode() == 202) {
                            accepted.add(HealthExamples.cardId(card));
                        } else {
                            refusedOrCut.incrementAndGet();
                        }
                    } catch (RuntimeException connectionCut) {
                        refusedOrCut.incrementAndGet();
                    }
                }
            });
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> accepted.size() >= 80 && deliveredIds().size() >= 10
                && accepted.size() - deliveredIds().size() >= 20);

        hub.kill();
        posting.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        Set<String> acceptedBeforeCrash = Set.copyOf(accepted);
        Set<String> deliveredBeforeCrash = deliveredIds();
        System.out.println("accepted before the kill: " + acceptedBeforeCrash.size()
                + ", delivered before the kill: " + deliveredBeforeCrash.size() + ", cut or refused: " + refusedOrCut.get());
        assertThat(acceptedBeforeCrash).as("accepted cards still waiting at the kill")
                .anyMatch(id -> !deliveredBeforeCrash.contains(id));

        Duration restart = hub.startAndAwaitHealthy(STARTUP_BOUND);
        System.out.println("rabt restart to healthy: " + restart.toMillis() + " ms");

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(deliveredIds()).containsAll(acceptedBeforeCrash));
        // the case record agrees: every accepted card, and its whole history, survived the kill
        for (String cardId : acceptedBeforeCrash) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String status = health.get("/exchange/v1/health/cards/" + cardId).body();
                assertThat(status).contains("\"status\":\"delivered\"").contains("\"accepted\"");
            });
        }
        Map<String, Long> deliveries = deliveryCounts();
        Set<String> twice = deliveries.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        System.out.println("delivered more than once (in flight at the kill): " + twice.size());
        assertThat(twice.size()).as("cards delivered twice").isLessThanOrEqualTo(CONSUMERS);
    }

    private Set<String> deliveredIds() {
        return deliveryCounts().keySet();
    }

    private Map<String, Long> deliveryCounts() {
        return Deliveries.countsByCardId(justice);
    }
}
