package org.rabt.config;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * The justice system answers 503 for a full minute; with the default retry policy (1 s doubling
 * to 60 s, 10 attempts) every card is delivered once it is back, none twice.
 */
class DeliveryOutageIT extends HubTestBase {

    static final Path DATA = newDataDir();
    static final WireMockServer JUSTICE = startStub();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration OUTAGE = Duration.ofMinutes(1);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        hubProperties(registry, DATA);
        registry.add("rabt.sectors.justice.delivery-url", () -> JUSTICE.baseUrl() + "/justice/cards");
    }

    @AfterAll
    static void stopJustice() {
        JUSTICE.stop();
    }

    @Test
    void cardsSentDuringAMinuteOfOutageAreDeliveredOnceJusticeRecovers() {
        JUSTICE.stubFor(post("/justice/cards").willReturn(aResponse().withStatus(503)));
        SectorClient health = sector("health", DATA);
        Instant outageStart = Instant.now();
        List<String> cardIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String card = HealthExamples.asNewCard(HealthExamples.read(HealthExamples.PROSECUTOR));
            HttpResponse<String> response = health.postCard(card.getBytes(StandardCharsets.UTF_8), HealthExamples.MEDIA_TYPE);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            cardIds.add(HealthExamples.cardId(card));
        }

        // The outage lasts a minute, and the hub keeps trying meanwhile (attempts at 0, 1, 3, 7, 15, 31 s...).
        String firstCard = cardIds.get(0);
        await().atMost(OUTAGE.plusSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() ->
                Duration.between(outageStart, Instant.now()).compareTo(OUTAGE) >= 0
                        && status(health, firstCard).path("deliveryAttempts").asInt() >= 6);
        JsonNode during = status(health, firstCard);
        assertThat(during.path("status").asString()).isEqualTo("failed");
        assertThat(during.path("history").findValuesAsString("detail")).anySatisfy(
                detail -> assertThat(detail).contains("HTTP 503").contains("next attempt"));

        JUSTICE.resetMappings();
        JUSTICE.stubFor(post("/justice/cards").willReturn(aResponse().withStatus(201)));

        for (String cardId : cardIds) {
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                    assertThat(status(health, cardId).path("status").asString()).isEqualTo("delivered"));
        }
        for (String cardId : cardIds) {
            long successes = JUSTICE.getAllServeEvents().stream()
                    .filter(event -> cardId.equals(event.getRequest().getHeader("Rabt-Card-Id")))
                    .filter(event -> event.getResponse().getStatus() == 201)
                    .count();
            assertThat(successes).as("deliveries of " + cardId).isEqualTo(1);
        }
        assertThat(JUSTICE.findAll(postRequestedFor(urlEqualTo("/justice/cards"))
                .withHeader("Rabt-Card-Id", equalTo(firstCard))).size()).isGreaterThan(5);
    }

    private static JsonNode status(SectorClient health, String cardId) {
        return JSON.readTree(health.get("/exchange/v1/health/cards/" + cardId).body());
    }
}
