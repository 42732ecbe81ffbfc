package org.rabt.config.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.UUID;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.rabt.security.KeyMaterial;
import org.rabt.security.Pem;
import org.rabt.security.envelope.CardEnvelope;
import org.rabt.security.pki.TlsKeyStores;
import org.rabt.security.signature.DetachedSigner;

/**
 * A police or gendarmerie system sending over AMQP 1.0 (Apache Qpid JMS, the reference client) as
 * the hub expects: TLS with the sector's demo certificate, trusting only {@code ca.pem}; each card
 * signed with the sector's key, then sealed for {@code hub.pem}; the hub's answers opened with the
 * sector's key — all read from the PKI files the hub created under its data directory. Close it after the test.
 */
public final class AmqpSectorClient implements AutoCloseable {

    private static final String PASSWORD = "test";

    private final String sector;
    private final Connection connection;
    private final Session session;
    private final DetachedSigner signer;
    private final X509Certificate hub;
    /** Opens the hub's answers, which are sealed for this sector's certificate. */
    private final CardEnvelope answers;

    private AmqpSectorClient(String sector, Connection connection, Session session, DetachedSigner signer,
            X509Certificate hub, CardEnvelope answers) {
        this.sector = sector;
        this.connection = connection;
        this.session = session;
        this.signer = signer;
        this.hub = hub;
        this.answers = answers;
    }

    /** Logs in as {@code sector} on the hub's AMQP port, with the files under {@code dataDir/pki}. */
    public static AmqpSectorClient of(String sector, Path dataDir, int amqpPort) throws JMSException {
        Path pki = dataDir.resolve("pki");
        KeyMaterial material = SectorClient.keyMaterial(pki, sector);
        Connection connection = tlsFactory(material, pki.resolve("ca.pem"),
                dataDir.resolve("amqp-client").resolve(sector), amqpPort).createConnection();
        try {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            return new AmqpSectorClient(sector, connection, session, new DetachedSigner(material),
                    Pem.readCertificate(pki.resolve("hub.pem")), new CardEnvelope(material));
        } catch (JMSException refused) {
            connection.close();
            throw refused;
        }
    }

    /**
     * A Qpid JMS factory for the hub's AMQP port over TLS: {@code material} as the client
     * certificate, only the CA of {@code caPem} trusted (the stores Qpid reads are written under
     * {@code stores}).
     */
    public static JmsConnectionFactory tlsFactory(KeyMaterial material, Path caPem, Path stores, int amqpPort) {
        Path keyStore = store(TlsKeyStores.keyStore(material, PASSWORD.toCharArray()), stores.resolve("keystore.p12"));
        Path trustStore = store(TlsKeyStores.trustStore(Pem.readCertificates(caPem)), stores.resolve("truststore.p12"));
        return new JmsConnectionFactory("amqps://localhost:" + amqpPort
                + "?transport.keyStoreLocation=" + keyStore + "&transport.keyStorePassword=" + PASSWORD
                + "&transport.keyStoreType=PKCS12"
                + "&transport.trustStoreLocation=" + trustStore + "&transport.trustStorePassword=" + PASSWORD
                + "&transport.trustStoreType=PKCS12");
    }

    public Session session() {
        return session;
    }

    public String sign(byte[] card) {
        return signer.signBase64(card);
    }

    /** The card as a sector sends it over AMQP: sealed for {@code hub.pem}. */
    public byte[] seal(byte[] card) {
        return CardEnvelope.seal(card, hub);
    }

    /** Signs {@code card}, seals it and sends it to this sector's inbound address. */
    public Message sendCard(byte[] card) throws JMSException {
        return send("rabt." + sector + ".inbound", seal(card), sign(card));
    }

    /** Sends {@code body} as it is, with {@code signature} as its {@code RabtSignature}, and a fresh correlation id. */
    public Message send(String address, byte[] body, String signature) throws JMSException {
        MessageProducer producer = session.createProducer(session.createQueue(address));
        try {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(body);
            message.setStringProperty("RabtSignature", signature);
            message.setJMSCorrelationID(UUID.randomUUID().toString());
            producer.send(message);
            return message;
        } finally {
            producer.close();
        }
    }

    /** The hub's answer to {@code sent} on this sector's replies queue (it returns the request's correlation id). */
    public BytesMessage reply(Message sent) throws JMSException {
        MessageConsumer consumer = session.createConsumer(session.createQueue("rabt." + sector + ".replies"),
                "JMSCorrelationID = '" + sent.getJMSCorrelationID() + "'");
        try {
            Message reply = consumer.receive(60_000);
            assertThat(reply).as("a reply on rabt." + sector + ".replies").isInstanceOf(BytesMessage.class);
            return (BytesMessage) reply;
        } finally {
            consumer.close();
        }
    }

    /** The answer inside {@code reply}, opened with this sector's key (the hub seals its answers for it). */
    public byte[] opened(BytesMessage reply) throws JMSException {
        return answers.open(body(reply));
    }

    /** The message's bytes as they travelled (and sat in the broker's journal). */
    public static byte[] body(BytesMessage message) throws JMSException {
        message.reset(); // from the first byte, however often it is read
        byte[] body = new byte[(int) message.getBodyLength()];
        message.readBytes(body);
        return body;
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }

    private static Path store(KeyStore store, Path file) {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, PASSWORD.toCharArray());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
