package org.rabt.config;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rabt.config.support.ConsoleSession;
import org.rabt.config.support.ConsoleSession.Page;
import org.rabt.config.support.HealthExamples;
import org.rabt.config.support.HubTestBase;
import org.rabt.config.support.SectorClient;
import org.rabt.config.support.StaffCredentials;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's dead letters on the whole hub: justice refuses cards (400, dead-lettered at
 * once); the operator lists them through the API, the receiver is mended, and the operator replays
 * one card, then the rest: each is delivered, its history names the operator, and each replay is
 * an audit entry. The console does the same through its forms. Other roles are refused.
 */
class DeadLetterReplayIT extends HubTestBase {

    static final Path DATA = newDataDir();
    static final WireMockServer JUSTICE = startStub();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String OPERATOR = "operator";

    @Autowired
    private JdbcClient jdbc;

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
    void theOperatorListsTheDeadLettersAndReplaysOneThenAllEachDeliveredAndAudited() throws Exception {
        SectorClient health = sector("health", DATA);
        long before = listing("/api/v1/dead-letters/justice").path("count").asLong();
        String first = refusedCard(health);
        String second = refusedCard(health);

        // the move to the dead-letter queue commits with the delivery's session, just after the status
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(listing("/api/v1/dead-letters/justice").path("count").asLong()).isEqualTo(before + 2));
        JsonNode listing = listing("/api/v1/dead-letters/justice");
        assertThat(listing.path("queue").asString()).isEqualTo("rabt.justice.outbound.dlq");
        assertThat(listing.path("items").findValuesAsString("cardId")).contains(first, second);
        for (JsonNode item : items(listing, first, second)) {
            assertThat(item.path("sender").asString()).isEqualTo("health");
            assertThat(item.path("receiver").asString()).isEqualTo("justice");
            assertThat(item.path("cardType").asString()).isNotBlank();
            assertThat(item.path("attempts").asInt()).isEqualTo(1);
            assertThat(item.path("lastFailure").asString()).contains("HTTP 400");
            assertThat(item.path("receivedAt").asString()).isNotBlank();
            assertThat(item.path("deadLetteredAt").asString()).isNotBlank();
        }
        JsonNode counts = listing("/api/v1/dead-letters");
        assertThat(StreamSupport.stream(counts.path("sectors").spliterator(), false)
                .filter(sector -> sector.path("sector").asString().equals("justice")).findFirst().orElseThrow()
                .path("count").asLong()).isEqualTo(before + 2);

        // justice mends its system: the same cards are now taken
        accept(first);
        accept(second);

        HttpResponse<String> replayed = operatorPost("/api/v1/dead-letters/justice/" + first + "/replay");
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        assertThat(JSON.readTree(replayed.body()).path("cardId").asString()).isEqualTo(first);
        assertThat(JSON.readTree(replayed.body()).path("status").asString()).isIn("replayed", "delivered");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(status(health, first).path("status").asString()).isEqualTo("delivered"));
        assertThat(JUSTICE.findAll(postRequestedFor(urlEqualTo("/justice/cards"))
                .withHeader("Rabt-Card-Id", equalTo(first)))).hasSize(2);
        JsonNode history = status(health, first).path("history");
        assertThat(history.findValuesAsString("status")).containsExactly("accepted", "dead-lettered", "replayed", "delivered");
        assertThat(history.get(2).path("detail").asString()).contains("replayed").contains(OPERATOR);
        // the other one still waits
        JsonNode after = listing("/api/v1/dead-letters/justice");
        assertThat(after.path("count").asLong()).isEqualTo(before + 1);
        assertThat(after.path("items").findValuesAsString("cardId")).contains(second).doesNotContain(first);

        HttpResponse<String> all = operatorPost("/api/v1/dead-letters/justice/replay");
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        assertThat(JSON.readTree(all.body()).path("replayed").asInt()).isEqualTo((int) before + 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(status(health, second).path("status").asString()).isEqualTo("delivered"));
        assertThat(listing("/api/v1/dead-letters/justice").path("count").asLong()).isZero();

        // one audit entry per replay, naming the operator; the listings are in the log too
        for (String card : List.of(first, second)) {
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM audit_entry WHERE action = 'dead-letter-replayed' AND actor = ? AND card_id = ?
                      AND sector = 'justice' AND role = 'OPERATOR' AND outcome = 'success'""")
                    .params(OPERATOR, card).query(Long.class).single()).as(card).isEqualTo(1);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'dead-letters-read' AND actor = ?")
                .param(OPERATOR).query(Long.class).single()).isPositive();

        // a card no longer in the queue: nothing to replay, refused with its code and audited
        HttpResponse<String> again = operatorPost("/api/v1/dead-letters/justice/" + first + "/replay");
        assertProblem(again, 404, "RABT-O002");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_entry WHERE action = 'staff-request-refused' AND actor = ?
                  AND error_code = 'RABT-O002'""").param(OPERATOR).query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'dead-letter-replayed' AND card_id = ?")
                .param(first).query(Long.class).single()).isEqualTo(1);
    }

    /**
     * The broker's own move after the last retry (not the route's, as for a 400): the entry keeps
     * its card id, a replay that fails again comes back to the dead-letter queue (its new
     * duplicate id is not the first move's), and a replay once the receiver is mended delivers it.
     */
    @Test
    void aCardDeadLetteredByTheBrokerAfterItsLastRetryCanBeReplayedAgainAndAgain() throws Exception {
        SectorClient health = sector("health", DATA);
        String card = HealthExamples.asNewCard(HealthExamples.read(HealthExamples.PROSECUTOR));
        String cardId = HealthExamples.cardId(card);
        JUSTICE.stubFor(post("/justice/cards").withHeader("Rabt-Card-Id", equalTo(cardId))
                .willReturn(aResponse().withStatus(503)));
        health.postCard(card.getBytes(StandardCharsets.UTF_8), HealthExamples.MEDIA_TYPE);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(listing("/api/v1/dead-letters/justice").path("items").findValuesAsString("cardId")).contains(cardId));
        JsonNode item = items(listing("/api/v1/dead-letters/justice"), cardId).get(0);
        assertThat(item.path("attempts").asInt()).isEqualTo(4);
        assertThat(item.path("lastFailure").asString()).contains("retries exhausted").contains("HTTP 503");

        // replayed while justice still fails: retried again, then back in the dead-letter queue
        assertThat(operatorPost("/api/v1/dead-letters/justice/" + cardId + "/replay").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(status(health, cardId).path("history").findValuesAsString("status"))
                    .endsWith("replayed", "failed", "failed", "failed", "dead-lettered");
            assertThat(listing("/api/v1/dead-letters/justice").path("items").findValuesAsString("cardId")).contains(cardId);
        });

        accept(cardId);
        assertThat(operatorPost("/api/v1/dead-letters/justice/" + cardId + "/replay").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(status(health, cardId).path("status").asString()).isEqualTo("delivered"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'dead-letter-replayed' AND card_id = ?")
                .param(cardId).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anUnknownSectorOrABadLimitIsRefusedWithItsCode() throws Exception {
        assertProblem(HTTP.send(staffRequest(OPERATOR, "/api/v1/dead-letters/mars").build(),
                HttpResponse.BodyHandlers.ofString()), 404, "RABT-O001");
        assertProblem(operatorPost("/api/v1/dead-letters/mars/replay"), 404, "RABT-O001");
        assertProblem(HTTP.send(staffRequest(OPERATOR, "/api/v1/dead-letters/justice?limit=0").build(),
                HttpResponse.BodyHandlers.ofString()), 400, "RABT-O004");
        assertProblem(HTTP.send(staffRequest(OPERATOR, "/api/v1/dead-letters/justice?limit=1001").build(),
                HttpResponse.BodyHandlers.ofString()), 400, "RABT-O004");
    }

    @Test
    void theDeadLetterEndpointsAreInTheStaffApisOpenApiDescription() throws Exception {
        JsonNode paths = listing("/v3/api-docs").path("paths");

        assertThat(paths.propertyNames()).contains("/api/v1/dead-letters", "/api/v1/dead-letters/{sector}",
                "/api/v1/dead-letters/{sector}/{cardId}/replay", "/api/v1/dead-letters/{sector}/replay");
        assertThat(paths.path("/api/v1/dead-letters/{sector}/{cardId}/replay").path("post").path("responses")
                .propertyNames()).contains("200", "404", "503");
    }

    @ParameterizedTest(name = "{0} may not replay")
    @ValueSource(strings = {"social.worker", "coordinator", "committee", "security.officer"})
    void onlyTheOperatorReplays(String user) throws Exception {
        String path = "/api/v1/dead-letters/justice/" + java.util.UUID.randomUUID() + "/replay";
        assertProblem(HTTP.send(staffRequest(user, path).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()), 403, "RABT-A005");
        assertProblem(HTTP.send(staffRequest(user, "/api/v1/dead-letters/justice/replay")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()), 403, "RABT-A005");
        assertProblem(HTTP.send(HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + staffPort + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()), 401, "RABT-A004");
    }

    @Test
    void theOperatorReplaysADeadLetterFromTheConsole() {
        SectorClient health = sector("health", DATA);
        String card = refusedCard(health);
        ConsoleSession operator = new ConsoleSession(staffPort);
        Page signIn = operator.signIn(OPERATOR, StaffCredentials.DEMO_PASSWORD);
        // the operator's start page is the dead letters
        assertThat(operator.follow(signIn).location()).endsWith("/console/dead-letters");

        String row = "tr.dead-letter[data-card-id=\"" + card + "\"][data-sector=justice]";
        Page page = await().atMost(Duration.ofSeconds(10)).until(() -> operator.get("/console/dead-letters?sector=justice"),
                shown -> shown.html().selectFirst(row) != null);
        assertThat(page.status()).isEqualTo(200);
        Element deadLetter = page.one("section#dead-letters " + row);
        assertThat(deadLetter.select(".last-failure").text()).contains("HTTP 400");
        assertThat(deadLetter.select(".attempts").text()).isEqualTo("1");
        deadLetter.select("button.replay").forEach(button -> assertThat(button.attr("type")).isEqualTo("submit"));
        page.one("button#replay-all");
        page.one("a#nav-dead-letters");
        assertThat(page.one("nav.sector-tabs a[aria-current=page]").attr("data-sector")).isEqualTo("justice");
        // in Arabic, right to left
        Page arabic = operator.get("/console/dead-letters?sector=justice&lang=ar");
        assertThat(arabic.html().select("html").attr("dir")).isEqualTo("rtl");
        assertThat(arabic.one("h1").text()).isEqualTo("الرسائل غير المسلَّمة");
        operator.get("/console/dead-letters?lang=fr");

        accept(card);
        Page replayed = operator.submit(page, row + " form:has(button.replay)", Map.of());
        assertThat(replayed.status()).isEqualTo(302);
        Page confirmation = operator.follow(replayed);
        assertThat(confirmation.one("#replayed").attr("data-card-id")).isEqualTo(card);
        assertThat(confirmation.html().select(row)).isEmpty();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(status(health, card).path("status").asString()).isEqualTo("delivered"));
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_entry WHERE action = 'dead-letter-replayed' AND actor = ? AND card_id = ?""")
                .params(OPERATOR, card).query(Long.class).single()).isEqualTo(1);

        // the social worker has no such page
        ConsoleSession worker = new ConsoleSession(staffPort);
        worker.signIn("social.worker", StaffCredentials.DEMO_PASSWORD);
        assertThat(worker.get("/console/dead-letters").status()).isEqualTo(403);
    }

    /** A new card from health to justice, which justice refuses as bad (400): dead-lettered at once. */
    private String refusedCard(SectorClient health) {
        String card = HealthExamples.asNewCard(HealthExamples.read(HealthExamples.PROSECUTOR));
        String cardId = HealthExamples.cardId(card);
        JUSTICE.stubFor(post("/justice/cards").withHeader("Rabt-Card-Id", equalTo(cardId))
                .willReturn(aResponse().withStatus(400).withBody("schema mismatch")));
        assertThat(health.postCard(card.getBytes(StandardCharsets.UTF_8), HealthExamples.MEDIA_TYPE).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(status(health, cardId).path("status").asString()).isEqualTo("dead-lettered"));
        return cardId;
    }

    /** Justice takes the card from now on (the newest stub wins). */
    private static void accept(String cardId) {
        JUSTICE.stubFor(post("/justice/cards").withHeader("Rabt-Card-Id", equalTo(cardId))
                .willReturn(aResponse().withStatus(200)));
    }

    private JsonNode listing(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(staffRequest(OPERATOR, path).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> operatorPost(String path) throws Exception {
        return HTTP.send(staffRequest(OPERATOR, path).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<JsonNode> items(JsonNode listing, String... cardIds) {
        List<String> wanted = List.of(cardIds);
        return StreamSupport.stream(listing.path("items").spliterator(), false)
                .filter(item -> wanted.contains(item.path("cardId").asString())).toList();
    }

    private static JsonNode status(SectorClient health, String cardId) {
        return JSON.readTree(health.get("/exchange/v1/health/cards/" + cardId).body());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo(code);
    }
}
