package org.rabt.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rabt.config.broker.AmqpConfiguration.AmqpPort;
import org.rabt.config.support.HubTestBase;
import org.rabt.config.support.SectorClient;
import org.rabt.security.Pem;
import org.rabt.security.pki.TlsKeyStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Police and gendarmerie systems send cards over AMQP 1.0 (Apache Qpid JMS, the reference AMQP
 * client, over TLS with the sector's certificate), under the same identity and signature rules
 * as HTTP, and read the hub's answers on their own replies queue; the broker lets each sector
 * touch nothing else.
 */
class AmqpIntakeIT extends HubTestBase {

    private static final Path DATA_DIR = newDataDir();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private AmqpPort amqpPort;

    private final List<Connection> connections = new java.util.ArrayList<>();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        hubProperties(registry, DATA_DIR);
    }

    @AfterEach
    void close() throws JMSException {
        for (Connection connection : connections) {
            connection.close();
        }
    }

    @Test
    void aSignedPoliceCardSentOverAmqpIsAdmittedAndAnsweredWithAReceiptOnThePoliceRepliesQueue() throws Exception {
        byte[] card = example("police");
        Session session = session("police");
        Message sent = send(session, "rabt.police.inbound", card, sector("police", DATA_DIR).sign(card));

        BytesMessage reply = reply(session, "rabt.police.replies", sent);
        byte[] answer = body(reply);
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
    void aCardWhoseSignatureDoesNotVerifyIsAnsweredWithAProblemNotRetried() throws Exception {
        byte[] card = example("police");
        String signatureOfSomethingElse = sector("police", DATA_DIR).sign("something else".getBytes(StandardCharsets.UTF_8));
        Session session = session("police");
        Message sent = send(session, "rabt.police.inbound", card, signatureOfSomethingElse);

        BytesMessage reply = reply(session, "rabt.police.replies", sent);
        assertThat(reply.getStringProperty("RabtContentType")).isEqualTo("application/problem+json");
        assertThat(JSON.readTree(body(reply)).get("code").asString()).isEqualTo("RABT-S003");
    }

    @Test
    void aCardSignedWithAnotherSectorsKeyIsRefusedEvenOnTheRightAddress() throws Exception {
        byte[] card = example("police");
        Session session = session("police");
        Message sent = send(session, "rabt.police.inbound", card, sector("gendarmerie", DATA_DIR).sign(card));

        BytesMessage reply = reply(session, "rabt.police.replies", sent);
        assertThat(JSON.readTree(body(reply)).get("code").asString()).isEqualTo("RABT-S004");
    }

    @Test
    void thePoliceCannotSendToTheGendarmeriesAddress() throws Exception {
        Session session = session("police");
        byte[] card = example("gendarmerie");
        assertThatThrownBy(() -> send(session, "rabt.gendarmerie.inbound", card, sector("police", DATA_DIR).sign(card)))
                .isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void thePoliceCannotReadTheGendarmeriesRepliesNorAnyOutboundQueue() throws Exception {
        Session session = session("police");
        assertThatThrownBy(() -> session.createConsumer(session.createQueue("rabt.gendarmerie.replies")))
                .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> session.createConsumer(session.createQueue("rabt.justice.outbound")))
                .isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void aSectorThatDoesNotExchangeOverAmqpCannotLogIn() {
        assertThatThrownBy(() -> session("health")).isInstanceOf(JMSException.class);
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

    private Session session(String sector) throws JMSException {
        Path pki = DATA_DIR.resolve("pki");
        String password = "test";
        Path keyStore = store(TlsKeyStores.keyStore(SectorClient.keyMaterial(pki, sector), password.toCharArray()),
                password, sector + "-keystore.p12");
        Path trustStore = store(TlsKeyStores.trustStore(Pem.readCertificates(pki.resolve("ca.pem"))), password,
                "truststore.p12");
        JmsConnectionFactory factory = new JmsConnectionFactory("amqps://localhost:" + amqpPort.port()
                + "?transport.keyStoreLocation=" + keyStore + "&transport.keyStorePassword=" + password
                + "&transport.keyStoreType=PKCS12"
                + "&transport.trustStoreLocation=" + trustStore + "&transport.trustStorePassword=" + password
                + "&transport.trustStoreType=PKCS12");
        Connection connection = factory.createConnection();
        connections.add(connection);
        connection.start();
        return connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    private static Message send(Session session, String address, byte[] body, String signature) throws JMSException {
        MessageProducer producer = session.createProducer(session.createQueue(address));
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(body);
        message.setStringProperty("RabtSignature", signature);
        message.setJMSCorrelationID(java.util.UUID.randomUUID().toString());
        producer.send(message);
        producer.close();
        return message;
    }

    /** The reply to {@code sent}: the hub returns the request's correlation id. */
    private static BytesMessage reply(Session session, String queue, Message sent) throws JMSException {
        MessageConsumer consumer = session.createConsumer(session.createQueue(queue),
                "JMSCorrelationID = '" + sent.getJMSCorrelationID() + "'");
        Message reply = consumer.receive(30_000);
        consumer.close();
        assertThat(reply).as("a reply on " + queue).isInstanceOf(BytesMessage.class);
        return (BytesMessage) reply;
    }

    private static byte[] body(BytesMessage message) throws JMSException {
        byte[] body = new byte[(int) message.getBodyLength()];
        message.readBytes(body);
        return body;
    }

    private static Path store(KeyStore store, String password, String name) {
        try {
            Path file = DATA_DIR.resolve("amqp-client").resolve(name);
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
