package org.rabt.config.operations;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rabt.config.broker.ClusterBrokers;
import org.rabt.config.support.TestBrokers;
import org.rabt.connectors.SectorQueues;
import org.rabt.mappings.cpm.SectorId;
import org.springframework.boot.artemis.autoconfigure.ArtemisMode;
import org.springframework.boot.artemis.autoconfigure.ArtemisProperties;

/**
 * In a broker cluster each broker holds its own part of a dead-letter queue: the operator's list
 * covers every broker of the hub's URL, and a replay finds the card on whichever holds it and puts
 * it back on that broker's outbound queue. Two real brokers in this JVM.
 */
class ClusterDeadLettersTest {

    static final String DEAD_LETTERS = SectorQueues.deadLetters(SectorId.JUSTICE);
    static final String OUTBOUND = SectorQueues.outbound(SectorId.JUSTICE);

    @TempDir
    Path brokersDir;

    EmbeddedActiveMQ first;
    EmbeddedActiveMQ second;
    int firstPort;
    int secondPort;
    DeadLetterQueues deadLetters;

    @BeforeEach
    void startBrokers() throws Exception {
        TestBrokers.quiet();
        firstPort = freePort();
        secondPort = freePort();
        first = TestBrokers.start(brokersDir.resolve("first"), "first", firstPort, false, null);
        second = TestBrokers.start(brokersDir.resolve("second"), "second", secondPort, false, null);
        ArtemisProperties artemis = new ArtemisProperties();
        artemis.setMode(ArtemisMode.NATIVE);
        artemis.setBrokerUrl("(tcp://127.0.0.1:" + firstPort + ",tcp://127.0.0.1:" + secondPort + ")?ha=true");
        deadLetters = new DeadLetterQueues(ClusterBrokers.eachBroker(artemis), Clock.systemUTC());
    }

    @AfterEach
    void stopBrokers() throws Exception {
        TestBrokers.stop(first, second);
    }

    @Test
    void theListCoversEveryBrokerAndAReplayFindsTheCardWhereverItIs() throws Exception {
        UUID onFirst = UUID.randomUUID();
        UUID onSecond = UUID.randomUUID();
        deadLetter(firstPort, onFirst);
        deadLetter(secondPort, onSecond);

        DeadLetterQueues.Browsed listed = deadLetters.browse(SectorId.JUSTICE, 10);
        assertThat(listed.count()).isEqualTo(2);
        assertThat(listed.first()).extracting(DeadLetterQueues.Queued::cardId)
                .containsExactlyInAnyOrder(onFirst.toString(), onSecond.toString());

        assertThat(deadLetters.replay(SectorId.JUSTICE, onSecond)).isTrue();
        Message replayed = receive(secondPort, OUTBOUND);
        assertThat(((TextMessage) replayed).getText()).isEqualTo(onSecond.toString());
        assertThat(replayed.getStringProperty(DeadLetterQueues.DUPLICATE_ID)).startsWith(onSecond + ":replay:");
        assertThat(deadLetters.browse(SectorId.JUSTICE, 10).first()).extracting(DeadLetterQueues.Queued::cardId)
                .containsExactly(onFirst.toString());
        assertThat(deadLetters.replay(SectorId.JUSTICE, onSecond)).as("already replayed").isFalse();
    }

    @Test
    void aBrokerThatDoesNotAnswerIsLeftOutWhileAnotherAnswers() throws Exception {
        UUID onSecond = UUID.randomUUID();
        deadLetter(secondPort, onSecond);
        first.stop();
        first = null;

        assertThat(deadLetters.browse(SectorId.JUSTICE, 10).first()).extracting(DeadLetterQueues.Queued::cardId)
                .containsExactly(onSecond.toString());
        assertThat(deadLetters.replay(SectorId.JUSTICE, onSecond)).isTrue();
    }

    private static void deadLetter(int port, UUID cardId) throws Exception {
        ConnectionFactory broker = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
        try (Connection connection = broker.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(DEAD_LETTERS));
            TextMessage message = session.createTextMessage(cardId.toString());
            message.setStringProperty(DeadLetterQueues.CARD_ID, cardId.toString());
            producer.send(message);
        }
    }

    private static Message receive(int port, String queue) throws Exception {
        ConnectionFactory broker = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
        try (Connection connection = broker.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            Message message = consumer.receive(5_000);
            assertThat(message).as("a message on " + queue).isNotNull();
            return message;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
