package org.rabt.config;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rabt.config.support.Deliveries;
import org.rabt.config.support.HealthExamples;
import org.rabt.config.support.HubProcess;
import org.rabt.config.support.SectorClient;
import org.rabt.config.support.StaffCredentials;
import org.rabt.config.support.TestBrokers;

/**
 * The production topology, small: two hub nodes (the built jar, {@code --spring.profiles.active=production})
 * sharing one external Artemis broker (a real one, given the properties of {@code rabt.jar broker
 * properties}) and one external PostgreSQL. Cards go to both nodes; the node that leads the
 * single-node routes is killed with {@code kill -9} mid-run: the other takes the lead, every card
 * that got a 202 is delivered, only cards in flight at the kill arrive twice, and the audit log is
 * still one intact chain; a dead letter on the external broker is listed and replayed through
 * either node. {@code bench/chaos-kill-node.sh} is the long version, on a broker cluster.
 */
class TwoNodesIT {

    /** Justice delivery consumers per node: at most this many deliveries are in flight on the killed node. */
    static final int CONSUMERS = 4;
    static final Duration STARTUP_BOUND = Duration.ofSeconds(120);
    static final Pattern LEADER = Pattern.compile("rabt_cluster_leader\\{node=\"([^\"]+)\"} ([0-9.]+)");

    @TempDir
    Path workDir;

    EmbeddedPostgres postgres;
    EmbeddedActiveMQ broker;
    WireMockServer justice;
    final List<Node> nodes = new ArrayList<>();

    record Node(String name, HubProcess process, int staffPort, int exchangePort) {
    }

    @BeforeEach
    void startTopology() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        int brokerPort = HubProcess.freePort();
        TestBrokers.quiet();
        broker = TestBrokers.start(workDir.resolve("broker"), "test-broker", brokerPort, true, null);
        justice = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(20));
        justice.start();
        // a slow justice system: cards wait in the queue, so the kill finds some accepted and not yet delivered
        justice.stubFor(post("/justice/cards").willReturn(aResponse().withStatus(202).withFixedDelay(200)));
        Path shared = workDir.resolve("shared-data");
        for (String name : List.of("node-a", "node-b")) {
            int staffPort = HubProcess.freePort();
            int exchangePort = HubProcess.freePort();
            Path nodeDir = workDir.resolve(name);
            Files.createDirectories(nodeDir);
            HubProcess process = new HubProcess(HubProcess.builtJar(), nodeDir, staffPort, List.of(
                    "--spring.profiles.active=production",
                    "--rabt.cluster.node-id=" + name,
                    "--rabt.cluster.lead-check=1s",
                    "--rabt.data-dir=" + shared,
                    "--spring.artemis.broker-url=tcp://127.0.0.1:" + brokerPort,
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=",
                    "--server.port=" + staffPort,
                    "--rabt.exchange.port=" + exchangePort,
                    "--rabt.exchange.address=127.0.0.1",
                    "--rabt.sectors.justice.delivery-url=" + justice.baseUrl() + "/justice/cards",
                    "--rabt.sectors.justice.consumers=" + CONSUMERS,
                    // the demo users (operator, security.officer) read the metrics and the audit chain
                    "--demo", "--rabt.demo-sectors=false"));
            nodes.add(new Node(name, process, staffPort, exchangePort));
        }
        // both at once on an empty shared directory and database: one creates the PKI and keys (under the
        // first-start lock) and the schema (under Flyway's lock), the other waits and uses them
        List<CompletableFuture<Duration>> starts = nodes.stream()
                .map(node -> CompletableFuture.supplyAsync(
                        () -> node.process().startAndAwaitHealthy(STARTUP_BOUND)))
                .toList();
        for (CompletableFuture<Duration> start : starts) {
            start.join();
        }
    }

    @AfterEach
    void stopTopology() throws Exception {
        for (Node node : nodes) {
            node.process().close();
        }
        if (justice != null) {
            justice.stop();
        }
        if (broker != null) {
            broker.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aKilledNodeLosesNoCardAndTheOtherTakesOverItsSingleNodeRoutes() throws Exception {
        Path pki = workDir.resolve("shared-data/pki");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(leaders()).as("nodes leading the single-node routes").hasSize(1));
        String leaderName = leaders().iterator().next();
        Node leader = nodes.stream().filter(n -> n.name().equals(leaderName)).findFirst().orElseThrow();
        Node survivor = nodes.stream().filter(n -> n != leader).findFirst().orElseThrow();

        // both nodes take cards, from the same sector system
        Map<Node, SectorClient> clients = Map.of(
                leader, SectorClient.of("health", pki, leader.exchangePort()),
                survivor, SectorClient.of("health", pki, survivor.exchangePort()));
        String template = HealthExamples.read(HealthExamples.PROSECUTOR);
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        Set<String> acceptedBySurvivorAfterKill = ConcurrentHashMap.newKeySet();
        AtomicBoolean leaderDead = new AtomicBoolean();
        AtomicBoolean posting = new AtomicBoolean(true);
        ExecutorService senders = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            Node first = i % 2 == 0 ? leader : survivor;
            senders.submit(() -> {
                while (posting.get()) {
                    String card = HealthExamples.asNewCard(template);
                    // as a real sector system does: a cut connection or a 503 is retried, same bytes, on the other node
                    Node target = first;
                    for (int attempt = 0; attempt < 20 && posting.get(); attempt++) {
                        if (accepts(clients.get(target), card)) {
                            accepted.add(HealthExamples.cardId(card));
                            if (leaderDead.get() && target == survivor) {
                                acceptedBySurvivorAfterKill.add(HealthExamples.cardId(card));
                            }
                            break;
                        }
                        target = target == leader ? survivor : leader;
                    }
                }
                return null;
            });
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> accepted.size() >= 100 && deliveredIds().size() >= 20
                && accepted.size() - deliveredIds().size() >= 20);

        leader.process().kill();
        leaderDead.set(true);
        await().atMost(Duration.ofSeconds(60)).until(() -> acceptedBySurvivorAfterKill.size() >= 30);
        // the survivor takes the lead (the killed node's database session, and its lock, are gone)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(leaderOf(survivor)).as("the survivor leads").isTrue());
        posting.set(false);
        senders.shutdown();
        assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        Set<String> acceptedCards = Set.copyOf(accepted);
        System.out.println("two nodes: accepted " + acceptedCards.size() + " cards, " + acceptedBySurvivorAfterKill.size()
                + " by the survivor after the kill; delivered so far " + deliveredIds().size());

        leader.process().startAndAwaitHealthy(STARTUP_BOUND);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                assertThat(deliveredIds()).as("every card that got a 202 is delivered").containsAll(acceptedCards));
        Set<String> twice = deliveryCounts().entrySet().stream().filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        System.out.println("two nodes: delivered more than once (in flight on the killed node): " + twice.size());
        assertThat(twice.size()).as("cards delivered twice").isLessThanOrEqualTo(CONSUMERS);
        // the restarted node does not take the lead back: one leader, still the survivor
        assertThat(leaderOf(leader)).isFalse();
        assertThat(leaderOf(survivor)).isTrue();

        // one audit chain, written by both nodes, intact across the kill
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String verification = staffGet(survivor, "/api/v1/audit/verify", "security.officer").body();
            assertThat(verification).contains("\"intact\":true");
        });

        // a dead letter on the external broker, listed and replayed by the operator through the other node
        String refused = HealthExamples.asNewCard(template);
        String refusedId = HealthExamples.cardId(refused);
        justice.stubFor(post("/justice/cards").withHeader("Rabt-Card-Id", equalTo(refusedId)).atPriority(1)
                .willReturn(aResponse().withStatus(400)));
        assertThat(accepts(clients.get(survivor), refused)).isTrue();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(staffGet(leader, "/api/v1/dead-letters/justice", "operator").body()).contains(refusedId));
        justice.stubFor(post("/justice/cards").withHeader("Rabt-Card-Id", equalTo(refusedId)).atPriority(1)
                .willReturn(aResponse().withStatus(202)));
        assertThat(staffPost(leader, "/api/v1/dead-letters/justice/" + refusedId + "/replay", "operator").statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(clients.get(survivor).get("/exchange/v1/health/cards/" + refusedId).body())
                        .contains("\"status\":\"delivered\""));
    }

    private static boolean accepts(SectorClient client, String card) {
        try {
            HttpResponse<String> response = client.postCard(card.getBytes(StandardCharsets.UTF_8), HealthExamples.MEDIA_TYPE);
            return response.statusCode() == 202;
        } catch (RuntimeException connectionRefusedOrCut) {
            return false;
        }
    }

    /** The nodes whose {@code rabt_cluster_leader} says 1 (a node that does not answer says nothing). */
    private Set<String> leaders() {
        return nodes.stream().filter(this::leaderOf).map(Node::name).collect(Collectors.toSet());
    }

    private boolean leaderOf(Node node) {
        try {
            Matcher metric = LEADER.matcher(staffGet(node, "/actuator/prometheus", "operator").body());
            return metric.find() && metric.group(1).equals(node.name()) && Double.parseDouble(metric.group(2)) == 1.0;
        } catch (RuntimeException notAnswering) {
            return false;
        }
    }

    private static HttpResponse<String> staffGet(Node node, String path, String user) {
        return staff(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.staffPort() + path)).GET(), user);
    }

    private static HttpResponse<String> staffPost(Node node, String path, String user) {
        return staff(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.staffPort() + path))
                .POST(HttpRequest.BodyPublishers.noBody()), user);
    }

    private static HttpResponse<String> staff(HttpRequest.Builder builder, String user) {
        HttpRequest request = builder
                .header("Authorization", StaffCredentials.basic(user, StaffCredentials.DEMO_PASSWORD))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Set<String> deliveredIds() {
        return deliveryCounts().keySet();
    }

    private Map<String, Long> deliveryCounts() {
        return Deliveries.countsByCardId(justice);
    }
}
