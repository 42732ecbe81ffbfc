package org.rabt.config.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rabt.config.support.TestBrokers;
import org.rabt.connectors.SectorQueues;
import org.rabt.mappings.cpm.SectorId;
import org.springframework.boot.artemis.autoconfigure.ArtemisMode;
import org.springframework.boot.artemis.autoconfigure.ArtemisProperties;

/**
 * The queue depths an operator watches in production, read from real Artemis brokers (in this
 * JVM, on loopback TCP, with the hub's queue settings) through the management API, as the hub
 * reads an external broker or cluster: each broker's part summed, a stopped broker's part left
 * out and that broker reported down.
 */
class ClusterQueueDepthsTest {

    private static final String JUSTICE = SectorQueues.outbound(SectorId.JUSTICE);
    private static final String JUSTICE_DEAD_LETTERS = SectorQueues.deadLetters(SectorId.JUSTICE);

    @TempDir
    Path brokersDir;

    private final SettableClock clock = new SettableClock();
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private EmbeddedActiveMQ first;
    private EmbeddedActiveMQ second;

    @BeforeAll
    static void quietBrokers() {
        TestBrokers.quiet();
    }

    @AfterEach
    void stopBrokers() throws Exception {
        TestBrokers.stop(first, second);
    }

    @Test
    void aQueuesDepthIsTheSumOfEveryBrokersPartAndAStoppedBrokersPartIsLeftOut() throws Exception {
        int firstPort = freePort();
        int secondPort = freePort();
        first = startBroker("first", firstPort, null);
        second = startBroker("second", secondPort, null);
        send(firstPort, JUSTICE, 3);
        send(secondPort, JUSTICE, 2);
        awaitCount(first, JUSTICE, 3);
        awaitCount(second, JUSTICE, 2);

        ClusterQueueDepths depths = depthsOf("(tcp://127.0.0.1:" + firstPort + ",tcp://127.0.0.1:" + secondPort
                + ")?ha=true&reconnectAttempts=-1");

        assertThat(depthGauge(JUSTICE)).isEqualTo(5);
        assertThat(depthGauge(JUSTICE_DEAD_LETTERS)).isZero();
        assertThat(depths.depths()).hasSize(2 * SectorId.values().length)
                .containsEntry(JUSTICE, 5L)
                .containsEntry(JUSTICE_DEAD_LETTERS, 0L)
                .containsEntry(SectorQueues.outbound(SectorId.HEALTH), 0L);
        assertThat(upGauge("127.0.0.1:" + firstPort)).isEqualTo(1);
        assertThat(upGauge("127.0.0.1:" + secondPort)).isEqualTo(1);

        second.stop();
        second = null;
        clock.advance(ClusterQueueDepths.CACHED_FOR);

        assertThat(depthGauge(JUSTICE)).as("the first broker's part only").isEqualTo(3);
        assertThat(depthGauge(JUSTICE_DEAD_LETTERS)).isZero();
        assertThat(upGauge("127.0.0.1:" + firstPort)).isEqualTo(1);
        assertThat(upGauge("127.0.0.1:" + secondPort)).isZero();

        first.stop();
        first = null;
        clock.advance(ClusterQueueDepths.CACHED_FOR);

        assertThat(depthGauge(JUSTICE)).as("no broker answers: unknown").isEqualTo(-1);
        assertThat(depths.depths().values()).containsOnly(-1L);
        assertThat(upGauge("127.0.0.1:" + firstPort)).isZero();
    }

    @Test
    void aSingleBrokerUrlIsThatBroker() throws Exception {
        int port = freePort();
        first = startBroker("single", port, null);
        send(port, JUSTICE, 4);
        awaitCount(first, JUSTICE, 4);

        depthsOf("tcp://127.0.0.1:" + port);

        assertThat(depthGauge(JUSTICE)).isEqualTo(4);
        assertThat(upGauge("127.0.0.1:" + port)).isEqualTo(1);
    }

    @Test
    void aBrokerUserWithoutTheManagePermissionGetsNoDepthsAndTheBrokerIsReportedDown() throws Exception {
        int port = freePort();
        first = startBroker("no-manage", port, new EverythingButManage());
        send(port, JUSTICE, 1);
        awaitCount(first, JUSTICE, 1);

        depthsOf("tcp://127.0.0.1:" + port);

        assertThat(depthGauge(JUSTICE)).isEqualTo(-1);
        assertThat(upGauge("127.0.0.1:" + port)).isZero();
    }

    @Test
    void aBrokerThatAcceptsTheConnectionButNeverAnswersDoesNotHoldUpTheReading() throws Exception {
        int port = freePort();
        first = startBroker("live", port, null);
        send(port, JUSTICE, 2);
        awaitCount(first, JUSTICE, 2);
        try (ServerSocket silent = new ServerSocket(0)) {
            // the kernel completes the TCP handshake; nothing ever reads or answers
            depthsOf("(tcp://127.0.0.1:" + port + ",tcp://127.0.0.1:" + silent.getLocalPort() + ")?ha=true");

            // a bound far above the reader's timeout, far below Artemis's default of 30 s per call
            double depth = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> depthGauge(JUSTICE));

            assertThat(depth).isEqualTo(2);
            assertThat(upGauge("127.0.0.1:" + silent.getLocalPort())).isZero();
            assertThat(upGauge("127.0.0.1:" + port)).isEqualTo(1);
        }
    }

    private ClusterQueueDepths depthsOf(String url) {
        ArtemisProperties artemis = new ArtemisProperties();
        artemis.setMode(ArtemisMode.NATIVE);
        artemis.setBrokerUrl(url);
        artemis.setUser("rabt");
        artemis.setPassword("secret");
        List<ClusterQueueDepths.Broker> brokers = ClusterBrokers.eachBroker(artemis, ClusterQueueDepths.TIMEOUT).stream()
                .map(broker -> new ClusterQueueDepths.Broker(ClusterBrokers.nameOf(broker), broker))
                .toList();
        ClusterQueueDepths depths = new ClusterQueueDepths(brokers, clock);
        new QueueMetrics(depths).bindTo(registry);
        new BrokerUpMetrics(depths).bindTo(registry);
        return depths;
    }

    private double depthGauge(String queue) {
        return registry.get("rabt.queue.depth").tag("queue", queue).gauge().value();
    }

    private double upGauge(String broker) {
        return registry.get("rabt.broker.up").tag("broker", broker).gauge().value();
    }

    private static void awaitCount(EmbeddedActiveMQ broker, String queue, long count) {
        await().atMost(Duration.ofSeconds(10)).until(
                () -> broker.getActiveMQServer().locateQueue(SimpleString.of(queue)).getMessageCount() == count);
    }

    /** A sector card as the hub queues it, sent with a plain JMS producer. */
    private static void send(int port, String queue, int count) throws JMSException {
        ConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
        try (Connection connection = factory.createConnection("rabt", "secret")) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            for (int i = 0; i < count; i++) {
                producer.send(session.createTextMessage("card-" + i), DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY,
                        Message.DEFAULT_TIME_TO_LIVE);
            }
        }
    }

    private EmbeddedActiveMQ startBroker(String name, int port, ActiveMQSecurityManager security) throws Exception {
        return TestBrokers.start(brokersDir.resolve(name), name, port, false, security);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A broker user allowed to send, consume and use temporary queues, but not to manage the broker. */
    private static final class EverythingButManage implements ActiveMQSecurityManager {
        @Override
        public boolean validateUser(String user, String password) {
            return true;
        }

        @Override
        public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
            return checkType != CheckType.MANAGE;
        }
    }
}
