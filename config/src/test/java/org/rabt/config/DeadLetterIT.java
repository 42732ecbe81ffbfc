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
 * A quick retry policy (4 attempts, 1 s doubling to 2 s) keeps the test short.
 */
class DeadLetterIT extends HubTestBase {

    static final Path DATA = newDataDir();
    static final WireMockServer JUSTICE = startStub();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        hubProperties(registry, DATA);
        registry.add("rabt.sectors.justice.delivery-url", () -> JUSTICE.baseUrl() + "/justice/cards");
        registry.add("rabt.delivery.max-attempts", () -> 4);
        registry.add("rabt.delivery.initial-delay", () -> "1s");
        registry.add("rabt.delivery.max-delay", () -> "2s");
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

        long deadLettersBefore = queueDepth("rabt.justice.outbound.dlq");

        assertThat(health.postCard(card.getBytes(StandardCharsets.UTF_8), HealthExamples.MEDIA_TYPE).statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(status(health, cardId).path("status").asString()).isEqualTo("dead-lettered"));
        JsonNode status = status(health, cardId);
        assertThat(status.path("history").findValuesAsString("status"))
                .containsExactly("accepted", "failed", "failed", "failed", "dead-lettered");
        assertThat(status.path("history").findValuesAsString("detail").get(4)).contains("retries exhausted");
        assertThat(JUSTICE.findAll(postRequestedFor(urlEqualTo("/justice/cards"))
                .withHeader("Rabt-Card-Id", equalTo(cardId)))).hasSize(4);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(queueDepth("rabt.justice.outbound.dlq")).isEqualTo(deadLettersBefore + 1));
        // a resend of a dead-lettered card is answered with its status; it is not queued again
        HttpResponse<String> resend = health.postCard(card.getBytes(StandardCharsets.UTF_8), HealthExamples.MEDIA_TYPE);
        assertThat(JSON.readTree(resend.body()).path("status").asString()).isEqualTo("dead-lettered");
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
    void aReceiverThatAlreadyHoldsTheCardCountsAsADelivery() {
        SectorClient health = sector("health", DATA);
        String card = newCard();
        String cardId = HealthExamples.cardId(card);
        JUSTICE.stubFor(post("/justice/cards").withHeader("Rabt-Card-Id", equalTo(cardId))
                .willReturn(aResponse().withStatus(409)));

        health.postCard(card.getBytes(StandardCharsets.UTF_8), HealthExamples.MEDIA_TYPE);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(status(health, cardId).path("status").asString()).isEqualTo("delivered"));
        assertThat(status(health, cardId).path("history").findValuesAsString("detail").get(1))
                .contains("already held");
    }

    @Test
    void aCardResentWhileItIsBeingRetriedIsDeliveredOnce() {
        SectorClient health = sector("health", DATA);
        String card = newCard();
        String cardId = HealthExamples.cardId(card);
        String scenario = "blip-" + cardId;
        JUSTICE.stubFor(post("/justice/cards").withHeader("Rabt-Card-Id", equalTo(cardId)).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(502)));
        JUSTICE.stubFor(post("/justice/cards").withHeader("Rabt-Card-Id", equalTo(cardId)).inScenario(scenario)
                .whenScenarioStateIs("recovered").willReturn(aResponse().withStatus(200)));

        health.postCard(card.getBytes(StandardCharsets.UTF_8), HealthExamples.MEDIA_TYPE);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(status(health, cardId).path("status").asString()).isEqualTo("failed"));
        // the sender, without an answer it trusts, sends the card again while it is being retried
        HttpResponse<String> resend = health.postCard(card.getBytes(StandardCharsets.UTF_8), HealthExamples.MEDIA_TYPE);
        assertThat(resend.headers().firstValue("Idempotent-Replayed")).contains("true");
        JUSTICE.setScenarioState(scenario, "recovered");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(status(health, cardId).path("status").asString()).isEqualTo("delivered"));
        // one queue entry: had the resend queued a second one, justice would get the card twice
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(() ->
                assertThat(JUSTICE.getAllServeEvents().stream()
                        .filter(event -> cardId.equals(event.getRequest().getHeader("Rabt-Card-Id")))
                        .filter(event -> event.getResponse().getStatus() == 200)).hasSize(1));
        assertThat(status(health, cardId).path("history").findValuesAsString("status"))
                .startsWith("accepted", "failed").endsWith("delivered");
    }

    private long queueDepth(String queue) throws Exception {
        String body = HttpClient.newHttpClient().send(staffRequest("operator", "/actuator/queues").build(),
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
