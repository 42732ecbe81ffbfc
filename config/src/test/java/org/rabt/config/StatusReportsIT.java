package org.rabt.config;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.rabt.config.support.HealthFhirServer;
import org.rabt.config.support.HubTestBase;
import org.rabt.config.support.SectorClient;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.SectorFormat;
import org.rabt.mappings.StatusReport;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.routes.FormatRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every receiving sector reports on a card it was delivered, with its own status example, and the
 * sender reads the report at its card's status URL: the CPM task status, the receiver's own word,
 * its reason. A report from the sender, about another card, or unsigned is refused with its code.
 */
class StatusReportsIT extends HubTestBase {

    private static final Path DATA = newDataDir();
    private static final WireMockServer SECTORS = startStub();
    private static final HealthFhirServer HEALTH = HealthFhirServer.start();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EnumSet<SectorId> EXTERNAL = EnumSet.complementOf(EnumSet.of(SectorId.CENTRE));

    /**
     * No sector's example card is addressed to these: their status reports are tested in
     * mappings only, until an example card for them exists (the test fails then, to be updated).
     */
    private static final Set<SectorId> NO_EXAMPLE_CARD_ADDRESSED_TO = EnumSet.of(SectorId.FREELINE);

    /** A card the hub never saw, named by a report posted to another card's URL. */
    private static final UUID ANOTHER_CARD = UUID.fromString("3f1c2a7e-5b8d-4e0f-9a61-7c2d4b8e0f13");

    @Autowired
    private FormatRegistry formats;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        hubProperties(registry, DATA);
        for (SectorId sector : EXTERNAL) {
            String url = sector == SectorId.HEALTH ? HEALTH.baseUrl() : SECTORS.baseUrl() + "/" + sector.code() + "/cards";
            registry.add("rabt.sectors." + sector.code() + ".delivery-url", () -> url);
        }
        SECTORS.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlMatching("/[a-z]+/cards"))
                .willReturn(aResponse().withStatus(201)));
    }

    @AfterAll
    static void stop() throws Exception {
        SECTORS.stop();
        HEALTH.close();
    }

    /** An example card a sector sends. */
    record Card(SectorId sender, String example, byte[] body, UUID id, SectorId receiver) {
    }

    /** A sector's example status report, as it reads. */
    record Report(String example, byte[] body, StatusReport read) {
    }

    @Test
    void everyReceiverReportsOnADeliveredCardAndTheSenderSeesItsWordsAndOnlyTheReceiverMayReportAboutThatCard()
            throws Exception {
        Map<SectorId, Card> cardTo = firstExampleCardAddressedToEachSector();
        Map<SectorId, Report> reportOf = statusExampleOfEachSector();
        assertThat(reportOf.keySet()).as("every sector has a status example").containsAll(EXTERNAL);
        Set<SectorId> unaddressed = EnumSet.copyOf(EXTERNAL);
        unaddressed.removeAll(cardTo.keySet());
        assertThat(unaddressed).as("the sectors no example card is addressed to")
                .isEqualTo(NO_EXAMPLE_CARD_ADDRESSED_TO);

        for (SectorId receiver : cardTo.keySet()) {
            if (receiver == SectorId.CENTRE) {
                continue; // the centre reads its cards in the case record, it posts no status report
            }
            Card card = cardTo.get(receiver);
            Report report = reportOf.get(receiver);
            String what = card.sender() + " " + card.example() + " -> " + receiver + ", reported with "
                    + report.example();
            deliver(card, what);

            byte[] rewritten = naming(report, card.id());
            byte[] aboutAnother = naming(report, ANOTHER_CARD);
            SectorClient receiving = sector(receiver.code(), DATA);
            String path = statusPath(receiver, card.id());
            String mediaType = formatOf(receiver).mediaType();

            assertRefused(sector(card.sender().code(), DATA).post(statusPath(card.sender(), card.id()), rewritten,
                    formatOf(card.sender()).mediaType(), Map.of("Rabt-Signature",
                            sector(card.sender().code(), DATA).sign(rewritten))),
                    403, "RABT-I013", what + ": from the sender");
            HttpResponse<String> otherCard = receiving.post(path, aboutAnother, mediaType,
                    Map.of("Rabt-Signature", receiving.sign(aboutAnother)));
            assertRefused(otherCard, 422, "RABT-I014", what + ": about another card");
            assertThat(JSON.readTree(otherCard.body()).path("detail").asString()).as(what)
                    .contains(ANOTHER_CARD.toString(), card.id().toString());
            assertRefused(receiving.post(path, rewritten, mediaType, Map.of()), 400, "RABT-S001", what + ": unsigned");

            HttpResponse<String> accepted = receiving.post(path, rewritten, mediaType,
                    Map.of("Rabt-Signature", receiving.sign(rewritten)));
            assertThat(accepted.statusCode()).as(what + ": " + accepted.body()).isEqualTo(200);

            JsonNode seen = JSON.readTree(sector(card.sender().code(), DATA)
                    .get("/exchange/v1/" + card.sender().code() + "/cards/" + card.id()).body());
            assertThat(seen.path("taskStatus").asString()).as(what).isEqualTo(report.read().status().code());
            assertThat(seen.path("businessStatus").asString()).as(what).isEqualTo(report.read().businessStatus());
            assertThat(seen.hasNonNull("statusReason") ? seen.get("statusReason").asString() : null).as(what)
                    .isEqualTo(report.read().reason());
        }
    }

    /** For each receiver, the first example card (in sector then file order) some sector sends it. */
    private Map<SectorId, Card> firstExampleCardAddressedToEachSector() throws IOException {
        Map<SectorId, Card> cards = new EnumMap<>(SectorId.class);
        for (SectorId sender : EXTERNAL) {
            for (Resource example : examples(sender)) {
                byte[] body = example.getContentAsByteArray();
                cardSentBy(sender, body).ifPresent(cpm -> cards.putIfAbsent(cpm.header().receiver().sector(),
                        new Card(sender, example.getFilename(), body, cpm.header().messageId(),
                                cpm.header().receiver().sector())));
            }
        }
        return cards;
    }

    /** For each sector, a status example, preferring one that gives a reason (so the reason is checked too). */
    private Map<SectorId, Report> statusExampleOfEachSector() throws IOException {
        Map<SectorId, Report> reports = new EnumMap<>(SectorId.class);
        for (SectorId sector : EXTERNAL) {
            List<Report> found = new ArrayList<>();
            for (Resource example : examples(sector)) {
                byte[] body = example.getContentAsByteArray();
                statusReportOf(sector, body).ifPresent(read -> found.add(new Report(example.getFilename(), body, read)));
            }
            found.stream().filter(r -> r.read().reason() != null).findFirst()
                    .or(() -> found.stream().findFirst())
                    .ifPresent(report -> reports.put(sector, report));
        }
        return reports;
    }

    private void deliver(Card card, String what) {
        HttpResponse<String> posted = sector(card.sender().code(), DATA).postCard(card.body(),
                formatOf(card.sender()).mediaType());
        assertThat(posted.statusCode()).as(what + ": " + posted.body()).isEqualTo(202);
        SectorClient sender = sector(card.sender().code(), DATA);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(JSON.readTree(
                sender.get("/exchange/v1/" + card.sender().code() + "/cards/" + card.id()).body())
                .path("status").asString()).as(what).isEqualTo("delivered"));
    }

    /**
     * The report rewritten to name {@code cardId}: its own card id (the {@code identifiantCarte}
     * member or element, health's Task identifier) replaced wherever it appears, as the receiver
     * would write it for that card.
     */
    private static byte[] naming(Report report, UUID cardId) {
        String original = new String(report.body(), UTF_8);
        assertThat(original).as(report.example() + " writes its card id as read").contains(report.read().cardId().toString());
        return original.replace(report.read().cardId().toString(), cardId.toString()).getBytes(UTF_8);
    }

    private static void assertRefused(HttpResponse<String> response, int status, String code, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).path("code").asString()).as(what).isEqualTo(code);
    }

    private Optional<ChildProtectionMessage> cardSentBy(SectorId sector, byte[] body) {
        try {
            return Optional.of(formatOf(sector).toCpm(body));
        } catch (MappingException notACardThisSectorSends) {
            return Optional.empty();
        }
    }

    private Optional<StatusReport> statusReportOf(SectorId sector, byte[] body) {
        try {
            return Optional.of(formatOf(sector).readStatus(body));
        } catch (MappingException notAStatusReport) {
            return Optional.empty();
        }
    }

    private SectorFormat formatOf(SectorId sector) {
        return formats.of(sector).orElseThrow();
    }

    private static String statusPath(SectorId sector, UUID cardId) {
        return "/exchange/v1/" + sector.code() + "/cards/" + cardId + "/status";
    }

    private static List<Resource> examples(SectorId sector) throws IOException {
        return List.of(new PathMatchingResourcePatternResolver()
                .getResources("classpath*:" + sector.code() + "/examples/*"));
    }
}
