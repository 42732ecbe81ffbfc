package org.rabt.config;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.rabt.config.support.HealthExamples;
import org.rabt.config.support.HubTestBase;
import org.rabt.config.support.SectorClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounded retries: past the limit a card goes to its sector's dead-letter queue and its status
 * says so; a refusal retrying cannot fix (a 4xx) goes there at once; a short blip is retried.
 * A quick retry policy (3 attempts, 200 ms doubling) keeps the test short.
 */
class DeadLetterIT extends HubTestBase {

    static final Path DATA = newDataDir();
    static final WireMockServer JUSTICE = startStub();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        hubProperties(registry, DATA);
        registry.add("rabt.sectors.justice.delivery-url", () -> JUSTICE.baseUrl() + "/justice/cards");
        registry.add("rabt.delivery.max-attempts", () -> 3);
        registry.add("rabt.delivery.initial-delay", () -> "200ms");
        registry.add("rabt.delivery.max-delay", () -> "1s");
    }

    @AfterAll
    static void stopJustice() {
        JUSTICE.stop();
    }

    @Test
    void aCardStillRefusedAfterTheLastAttemptIsDeadLetteredAndSaysSo() throws Exception {
        SectorClient health = sector("health", DATA);
        String card = newCard();
        String cardId = HealthExamples.cardId(card);
        JUSTICE.stubFor(post("/justice/cards").withHeader("Rabt-Card-Id", equalTo(cardId))
                .willReturn(aResponse().withStatus(503)));

        assertThat(health.postCard(card.getBytes(StandardCharsets.UTF_8), HealthExamples.MEDIA_TYPE).statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(status(health, cardId).path("status").asString()).isEqualTo("dead-lettered"));
        JsonNode status = status(health, cardId);
        assertThat(status.path("history").findValuesAsString("status"))
                .containsExactly("accepted", "failed", "failed", "dead-lettered");
        assertThat(status.path("history").findValuesAsString("detail").get(3)).contains("retries exhausted");
        assertThat(JUSTICE.findAll(postRequestedFor(urlEqualTo("/justice/cards"))
                .withHeader("Rabt-Card-Id", equalTo(cardId)))).hasSize(3);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(queueDepth("rabt.justice.outbound.dlq")).isGreaterThanOrEqualTo(1));
    }

    @Test
    void aCardTheReceiverRejectsAsBadIsDeadLetteredWithoutRetrying() {
        SectorClient health = sector("health", DATA);
        String card = newCard();
        String cardId = HealthExamples.cardId(card);
        JUSTICE.stubFor(post("/justice/cards").withHeader("Rabt-Card-Id", equalTo(cardId))
                .willReturn(aResponse().withStatus(400).withBody("schema mismatch")));

        health.postCard(card.getBytes(StandardCharsets.UTF_8), HealthExamples.MEDIA_TYPE);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(status(health, cardId).path("status").asString()).isEqualTo("dead-lettered"));
        assertThat(status(health, cardId).path("history").findValuesAsString("detail").get(1))
                .contains("not retried").contains("HTTP 400");
        assertThat(JUSTICE.findAll(postRequestedFor(urlEqualTo("/justice/cards"))
                .withHeader("Rabt-Card-Id", equalTo(cardId)))).hasSize(1);
    }

    @Test
    void aCardRefusedTwiceThenAcceptedIsDeliveredOnItsThirdAttempt() {
        SectorClient health = sector("health", DATA);
        String card = newCard();
        String cardId = HealthExamples.cardId(card);
        String scenario = "blip-" + cardId;
        JUSTICE.stubFor(post("/justice/cards").withHeader("Rabt-Card-Id", equalTo(cardId)).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(502)).willSetStateTo("once"));
        JUSTICE.stubFor(post("/justice/cards").withHeader("Rabt-Card-Id", equalTo(cardId)).inScenario(scenario)
                .whenScenarioStateIs("once").willReturn(aResponse().withStatus(504)).willSetStateTo("twice"));
        JUSTICE.stubFor(post("/justice/cards").withHeader("Rabt-Card-Id", equalTo(cardId)).inScenario(scenario)
                .whenScenarioStateIs("twice").willReturn(aResponse().withStatus(200)));

        health.postCard(card.getBytes(StandardCharsets.UTF_8), HealthExamples.MEDIA_TYPE);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(status(health, cardId).path("status").asString()).isEqualTo("delivered"));
        JsonNode status = status(health, cardId);
        assertThat(status.path("deliveryAttempts").asInt()).isEqualTo(3);
        assertThat(status.path("history").findValuesAsString("status"))
                .containsExactly("accepted", "failed", "failed", "delivered");
    }

    private long queueDepth(String queue) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + staffPort + "/actuator/queues")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return JSON.readTree(body).path(queue).asLong();
    }

    private static String newCard() {
        return HealthExamples.asNewCard(HealthExamples.read(HealthExamples.PROSECUTOR));
    }

    private static JsonNode status(SectorClient health, String cardId) {
        return JSON.readTree(health.get("/exchange/v1/health/cards/" + cardId).body());
    }
}
