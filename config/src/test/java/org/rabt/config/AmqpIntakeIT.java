package org.rabt.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rabt.config.broker.AmqpConfiguration.AmqpPort;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.rabt.config.support.AmqpSectorClient;
import org.rabt.config.support.SectorClient;
import org.rabt.security.SecurityViolation;
import org.rabt.security.envelope.CardEnvelope;
import org.rabt.config.support.HubTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Police and gendarmerie systems send cards over AMQP 1.0 (Apache Qpid JMS, the reference AMQP
 * client, over TLS with the sector's certificate), signed and then sealed for the hub's
 * certificate, under the same identity and signature rules as HTTP, and read the hub's answers on
 * their own replies queue; the broker lets each sector touch nothing else. A sector that floods
 * the hub is held back, not refused: this hub runs with 2 cards a second and a burst of 2 per
 * sector, so that a test's burst is throttled.
 */
class AmqpIntakeIT extends HubTestBase {

    private static final Path DATA_DIR = newDataDir();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int FLOOD = 16;

    @Autowired
    private AmqpPort amqpPort;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private JdbcClient jdbc;

    private final List<AmqpSectorClient> clients = new ArrayList<>();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        hubProperties(registry, DATA_DIR);
        registry.add("rabt.exchange.rate-limit.cards-per-second", () -> 2);
        registry.add("rabt.exchange.rate-limit.burst", () -> 2);
    }

    @AfterEach
    void close() throws JMSException {
        for (AmqpSectorClient client : clients) {
            client.close();
        }
    }

    @Test
    void aSignedAndSealedPoliceCardIsAdmittedAndAnsweredWithAReceiptOnThePoliceRepliesQueue() throws Exception {
        byte[] card = example("police");
        AmqpSectorClient police = amqp("police");
        Message sent = police.sendCard(card);

        BytesMessage reply = police.reply(sent);
        byte[] answer = police.opened(reply);
        assertThat(reply.getStringProperty("RabtContentType")).as(new String(answer, StandardCharsets.UTF_8))
                .isEqualTo("application/json");
        JsonNode receipt = JSON.readTree(answer);
        String cardId = receipt.get("cardId").asString();
        assertThat(receipt.get("status").asString()).isIn("accepted", "queued", "delivered");

        // the same card is visible to the police system over HTTP, as for a card posted there
        var status = sector("police", DATA_DIR).get("/exchange/v1/police/cards/" + cardId);
        assertThat(status.statusCode()).isEqualTo(200);
    }

    @Test
    void aPlainCardIsRefusedWithI018AndTheRefusalIsAudited() throws Exception {
        byte[] card = withNewCardId(example("police"));
        AmqpSectorClient police = amqp("police");
        Message sent = police.send("rabt.police.inbound", card, police.sign(card));

        BytesMessage reply = police.reply(sent);
        assertThat(reply.getStringProperty("RabtContentType")).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(police.opened(reply));
        assertThat(problem.get("code").asString()).isEqualTo("RABT-I018");
        assertThat(problem.get("detail").asString()).contains("AuthEnvelopedData").contains("hub.pem");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE error_code = 'RABT-I018' AND actor = 'amqp:police'")
                .query(Long.class).single()).isPositive();
    }

    /**
     * The broker keeps the answers in its journal until the sector reads them, and a problem's
     * detail may quote the card: each answer is sealed for the sender's certificate, and no other
     * sector's key opens it.
     */
    @Test
    void theAnswersAreSealedForTheSenderAlone() throws Exception {
        byte[] card = withNewCardId(example("police"));
        AmqpSectorClient police = amqp("police");
        BytesMessage reply = police.reply(police.send("rabt.police.inbound", card, police.sign(card)));

        byte[] raw = AmqpSectorClient.body(reply);
        assertThat(ContentInfo.getInstance(raw).getContentType()).isEqualTo(CMSObjectIdentifiers.authEnvelopedData);
        assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain("RABT-I018").doesNotContain("hub.pem");
        assertThat(JSON.readTree(police.opened(reply)).get("code").asString()).isEqualTo("RABT-I018");
        CardEnvelope gendarmerie = new CardEnvelope(SectorClient.keyMaterial(DATA_DIR.resolve("pki"), "gendarmerie"));
        assertThatThrownBy(() -> gendarmerie.open(raw)).isInstanceOf(SecurityViolation.class)
                .hasMessageContaining("not for the hub's current certificate");
    }

    @Test
    void aCardWhoseSignatureDoesNotVerifyIsAnsweredWithAProblemNotRetried() throws Exception {
        byte[] card = example("police");
        AmqpSectorClient police = amqp("police");
        Message sent = police.send("rabt.police.inbound", police.seal(card),
                police.sign("something else".getBytes(StandardCharsets.UTF_8)));

        BytesMessage reply = police.reply(sent);
        assertThat(reply.getStringProperty("RabtContentType")).isEqualTo("application/problem+json");
        assertThat(JSON.readTree(police.opened(reply)).get("code").asString()).isEqualTo("RABT-S003");
    }

    @Test
    void aCardSignedWithAnotherSectorsKeyIsRefusedEvenOnTheRightAddress() throws Exception {
        byte[] card = example("police");
        AmqpSectorClient police = amqp("police");
        Message sent = police.send("rabt.police.inbound", police.seal(card), amqp("gendarmerie").sign(card));

        BytesMessage reply = police.reply(sent);
        assertThat(JSON.readTree(police.opened(reply)).get("code").asString()).isEqualTo("RABT-S004");
    }

    @Test
    void thePoliceCannotSendToTheGendarmeriesAddress() throws Exception {
        AmqpSectorClient police = amqp("police");
        byte[] card = example("gendarmerie");
        assertThatThrownBy(() -> police.send("rabt.gendarmerie.inbound", police.seal(card), police.sign(card)))
                .isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void thePoliceCannotReadTheGendarmeriesRepliesNorAnyOutboundQueue() throws Exception {
        Session session = amqp("police").session();
        assertThatThrownBy(() -> session.createConsumer(session.createQueue("rabt.gendarmerie.replies")))
                .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> session.createConsumer(session.createQueue("rabt.justice.outbound")))
                .isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void aSectorThatDoesNotExchangeOverAmqpCannotLogIn() {
        assertThatThrownBy(() -> amqp("health")).isInstanceOf(JMSException.class);
    }

    /**
     * A burst far over the police's rate: the hub takes the cards as the rate allows while the
     * rest waits in the broker (counted in rabt_amqp_throttled_total), health is served over
     * HTTPS meanwhile, and in the end every police card has its receipt: none lost, none refused.
     */
    @Test
    void aFloodOfPoliceCardsIsHeldBackInTheBrokerThenAllAcceptedWhileHealthIsServed() throws Exception {
        double throttledBefore = throttled("police");
        AmqpSectorClient police = amqp("police");
        List<Message> sent = new ArrayList<>();
        for (int i = 0; i < FLOOD; i++) {
            sent.add(police.sendCard(withNewCardId(example("police"))));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> throttled("police") > throttledBefore);

        byte[] healthCard = new PathMatchingResourcePatternResolver()
                .getResource("classpath:health/examples/referral-to-school.json").getContentAsByteArray();
        HttpResponse<String> health = sector("health", DATA_DIR).postCard(healthCard, "application/fhir+json");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(202);

        Set<String> cardIds = new HashSet<>();
        for (Message message : sent) {
            BytesMessage reply = police.reply(message);
            String answer = new String(police.opened(reply), StandardCharsets.UTF_8);
            assertThat(reply.getStringProperty("RabtContentType")).as(answer).isEqualTo("application/json");
            cardIds.add(JSON.readTree(answer).get("cardId").asString());
        }
        assertThat(cardIds).as("one receipt per card, each for a card of its own").hasSize(FLOOD);
        assertThat(throttled("police") - throttledBefore).as("cards that waited for the rate").isPositive();
    }

    private double throttled(String sector) {
        return meters.get("rabt.amqp.throttled").tag("sector", sector).counter().count();
    }

    private AmqpSectorClient amqp(String sector) throws JMSException {
        AmqpSectorClient client = AmqpSectorClient.of(sector, DATA_DIR, amqpPort.port());
        clients.add(client);
        return client;
    }

    /** The card with an id of its own: the hub answers a card id it has seen with the first answer. */
    private static byte[] withNewCardId(byte[] card) {
        return new String(card, StandardCharsets.UTF_8)
                .replaceFirst("\"identifiantCarte\": \"[0-9a-f-]+\"", "\"identifiantCarte\": \"" + UUID.randomUUID() + "\"")
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] example(String sector) throws IOException {
        Resource[] examples = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:" + sector + "/examples/*.json");
        for (Resource example : examples) {
            String name = example.getFilename();
            if (name != null && !name.contains("statut")) {
                return example.getContentAsByteArray();
            }
        }
        throw new IllegalStateException("no " + sector + " example on the class path");
    }
}
