package org.rabt.config;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.jms.BytesMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.rabt.config.broker.AmqpConfiguration.AmqpPort;
import org.rabt.config.support.AmqpSectorClient;
import org.rabt.config.support.HealthFhirServer;
import org.rabt.config.support.HubTestBase;
import org.rabt.config.support.SectorClient;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.cpm.ChildProtected;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.Guardian;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.education.BatchRow;
import org.rabt.mappings.education.DropoutBatchReader;
import org.rabt.routes.FormatRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A thief with a copy of the database and broker files learns no child's identity: every example
 * card of every sector is posted and delivered, police's and gendarmerie's also sent over AMQP
 * (signed, then sealed for {@code hub.pem}: the broker's journal holds the message body itself),
 * PostgreSQL writes everything to its data files ({@code CHECKPOINT}), then every byte under the
 * database and broker directories is searched for the children's names (Latin and Arabic), birth
 * dates and identity numbers; education's example batch file too, then its stored copy under
 * {@code batches/}.
 */
class EncryptionAtRestIT extends HubTestBase {

    private static final Path DATA = newDataDir();
    private static final WireMockServer SECTORS = startStub();
    private static final HealthFhirServer HEALTH = HealthFhirServer.start();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BATCHES = "/exchange/v1/education/batches";
    private static final EnumSet<SectorId> EXTERNAL = EnumSet.complementOf(EnumSet.of(SectorId.CENTRE));
    private static final EnumSet<SectorId> AMQP_SENDERS = EnumSet.of(SectorId.POLICE, SectorId.GENDARMERIE);

    @Autowired
    private FormatRegistry formats;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private AmqpPort amqpPort;

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

    @Test
    void noNameBirthDateOrIdentityNumberOfAnExampleChildIsInTheDatabaseOrBrokerFiles() throws Exception {
        Set<String> identities = new LinkedHashSet<>();
        int cards = 0;
        for (SectorId sector : EXTERNAL) {
            SectorClient client = sector(sector.code(), DATA);
            String mediaType = formats.of(sector).orElseThrow().mediaType();
            for (Resource example : examples(sector)) {
                byte[] body = example.getContentAsByteArray();
                ChildProtectionMessage cpm = cardOf(sector, body);
                if (cpm == null) {
                    continue; // a status report, or a card this sector receives rather than sends
                }
                identities.addAll(identityOf(cpm.childProtected()));
                String what = sector + " " + example.getFilename();
                assertThat(client.postCard(body, mediaType).statusCode()).as(what).isEqualTo(202);
                awaitDelivered(client, sector, cpm.header().messageId().toString(), what);
                cards++;
                if (AMQP_SENDERS.contains(sector)) {
                    awaitDelivered(client, sector, sendOverAmqp(sector, withNewCardId(body), what), what + " over AMQP");
                    cards++;
                }
            }
        }
        identities.add(refuseOverAmqpAMalformedCardNaming("Zerhouniyat"));
        identities.addAll(sendTheExampleBatch());
        assertThat(identities).as("the examples name children").hasSizeGreaterThan(10);
        assertThat(jdbc.sql("SELECT count(*) FROM card_evidence").query(Long.class).single())
                .as("the evidence is kept, so its bytes are on disk").isGreaterThanOrEqualTo(cards);

        jdbc.sql("CHECKPOINT").update();

        List<String> leaked = new ArrayList<>();
        for (Path directory : List.of(DATA.resolve("db"), DATA.resolve("broker"), DATA.resolve("batches"))) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String bytes = bytesOf(file);
                    for (String identity : identities) {
                        if (bytes.contains(new String(identity.getBytes(UTF_8), ISO_8859_1))) {
                            // the report names only the first two characters of what leaked
                            leaked.add(identity.substring(0, 2) + "… in " + DATA.relativize(file));
                        }
                    }
                }
            }
        }
        assertThat(leaked).as("children's identities in the database or broker files").isEmpty();
    }

    /** Sends {@code card} over AMQP as a police or gendarmerie system does; returns the card id of its receipt. */
    private String sendOverAmqp(SectorId sector, byte[] card, String what) throws Exception {
        try (AmqpSectorClient client = AmqpSectorClient.of(sector.code(), DATA, amqpPort.port())) {
            BytesMessage reply = client.reply(client.sendCard(card));
            String answer = new String(client.opened(reply), UTF_8);
            assertThat(reply.getStringProperty("RabtContentType")).as(what + ": " + answer).isEqualTo("application/json");
            return JSON.readTree(answer).get("cardId").asString();
        }
    }

    /**
     * A police card whose JSON is broken at the child's name (the name left unquoted): the hub's
     * answer quotes the token it could not read, so the answer would put the name in the broker's
     * journal if it were not sealed. Returns the name.
     */
    private String refuseOverAmqpAMalformedCardNaming(String name) throws Exception {
        byte[] broken = new String(new PathMatchingResourcePatternResolver()
                .getResource("classpath:police/examples/signalement-violence-sale.json").getContentAsByteArray(), UTF_8)
                .replace("\"nomLatin\": \"Bennani\"", "\"nomLatin\": " + name).getBytes(UTF_8);
        try (AmqpSectorClient client = AmqpSectorClient.of("police", DATA, amqpPort.port())) {
            BytesMessage reply = client.reply(client.sendCard(broken));
            String answer = new String(client.opened(reply), UTF_8);
            assertThat(JSON.readTree(answer).get("code").asString()).as(answer).isEqualTo("RABT-M001");
            assertThat(answer).as("the answer quotes the card").contains(name);
        }
        return name;
    }

    /** A copy of the example with an id of its own, so that it travels the whole way again rather than being answered as a repeat. */
    private static byte[] withNewCardId(byte[] card) {
        return new String(card, UTF_8)
                .replaceFirst("\"identifiantCarte\": \"[0-9a-f-]+\"", "\"identifiantCarte\": \"" + UUID.randomUUID() + "\"")
                .getBytes(UTF_8);
    }

    /** Posts education's example batch file, waits until it is processed; returns its children's identities. */
    private Set<String> sendTheExampleBatch() throws IOException {
        byte[] csv;
        try (InputStream in = getClass().getResourceAsStream("/education/examples/lot-absences-2026-11-28.csv")) {
            csv = in.readAllBytes();
        }
        Set<String> identities = new LinkedHashSet<>();
        try (DropoutBatchReader rows = DropoutBatchReader.open(new ByteArrayInputStream(csv))) {
            rows.forEachRow(row -> {
                if (row instanceof BatchRow.Admitted admitted) {
                    identities.addAll(identityOf(admitted.cpm().childProtected()));
                }
            });
        }
        SectorClient education = sector("education", DATA);
        HttpResponse<String> receipt = education.post(BATCHES, csv, "text/csv; charset=utf-8",
                Map.of("Rabt-Signature", education.sign(csv)));
        assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(202);
        String url = BATCHES + "/" + JSON.readTree(receipt.body()).path("batchId").asString();
        JsonNode report = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> JSON.readTree(education.get(url).body()),
                        done -> done.path("status").asString().matches("completed|failed"));
        assertThat(report.path("status").asString()).isEqualTo("completed");
        assertThat(report.path("admitted").asLong()).isPositive();
        return identities;
    }

    /** The child's names, birth date, identity numbers and guardians' names, as sent. */
    private static List<String> identityOf(ChildProtected child) {
        if (child == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>(Stream.of(child.familyNameLatin(), child.givenNameLatin(),
                        child.familyNameArabic(), child.givenNameArabic(),
                        child.birthDate() == null ? null : child.birthDate().toString(), child.nationalId(),
                        child.civilStatusNumber())
                .filter(Objects::nonNull).toList());
        child.guardians().stream().map(Guardian::name).filter(Objects::nonNull).forEach(values::add);
        // a word of three letters could be part of anything; longer ones cannot be by chance
        return values.stream().filter(value -> value.length() > 3).toList();
    }

    /** The file's bytes, one char each, so that a UTF-8 needle is found by String.contains. */
    private static String bytesOf(Path file) throws IOException {
        try {
            return new String(Files.readAllBytes(file), ISO_8859_1);
        } catch (NoSuchFileException goneSinceListed) {
            return ""; // a temporary file the server removed meanwhile
        }
    }

    private ChildProtectionMessage cardOf(SectorId sector, byte[] body) {
        try {
            return formats.of(sector).orElseThrow().toCpm(body);
        } catch (MappingException notACardThisSectorSends) {
            return null;
        }
    }

    private static void awaitDelivered(SectorClient sender, SectorId sector, String cardId, String what) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(JSON.readTree(
                sender.get("/exchange/v1/" + sector.code() + "/cards/" + cardId).body()).path("status").asString())
                .as(what).isEqualTo("delivered"));
    }

    private static List<Resource> examples(SectorId sector) throws IOException {
        return List.of(new PathMatchingResourcePatternResolver()
                .getResources("classpath*:" + sector.code() + "/examples/*"));
    }
}
