package org.rabt.config.broker;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.ConnectionFactory;
import java.time.Duration;
import java.util.List;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.artemis.autoconfigure.ArtemisMode;
import org.springframework.boot.artemis.autoconfigure.ArtemisProperties;

/** The dead letters and queue depths of a broker cluster are looked for on every broker of the hub's broker URL. */
class ClusterBrokersTest {

    static ArtemisProperties properties(ArtemisMode mode, String url) {
        ArtemisProperties properties = new ArtemisProperties();
        properties.setMode(mode);
        properties.setBrokerUrl(url);
        properties.setUser("rabt");
        properties.setPassword("secret");
        return properties;
    }

    @Test
    void aClusterUrlGivesOneFactoryPerBrokerEachReachingThatBrokerOnly() {
        List<ConnectionFactory> brokers = ClusterBrokers.eachBroker(properties(ArtemisMode.NATIVE,
                "(tcp://mq1.example:61616,tcp://mq2.example:61617)?ha=true&reconnectAttempts=-1"));
        assertThat(brokers).hasSize(2);
        assertThat(brokers).allSatisfy(factory -> {
            ActiveMQConnectionFactory artemis = (ActiveMQConnectionFactory) factory;
            assertThat(artemis.getStaticConnectors()).hasSize(1);
            assertThat(artemis.isHA()).isFalse();
            assertThat(artemis.getUser()).isEqualTo("rabt");
        });
        assertThat(brokers).extracting(f -> ((ActiveMQConnectionFactory) f).getStaticConnectors()[0].getParams().get("port").toString())
                .containsExactly("61616", "61617");
    }

    @Test
    void theEmbeddedBrokerNeedsNone() {
        assertThat(ClusterBrokers.eachBroker(properties(ArtemisMode.EMBEDDED, null))).isEmpty();
        assertThat(ClusterBrokers.eachBroker(null)).isEmpty();
    }

    @Test
    void eachBrokerIsNamedByHostAndPortAndGivesUpAfterTheTimeoutItIsGiven() {
        List<ActiveMQConnectionFactory> brokers = ClusterBrokers.eachBroker(properties(ArtemisMode.NATIVE,
                "(tcp://mq1.example:61616,tcp://mq2.example:61617)?ha=true&reconnectAttempts=-1"), Duration.ofSeconds(2));
        assertThat(brokers).extracting(ClusterBrokers::nameOf).containsExactly("mq1.example:61616", "mq2.example:61617");
        assertThat(brokers).allSatisfy(broker -> {
            assertThat(broker.isHA()).isFalse();
            assertThat(broker.getCallTimeout()).isEqualTo(2000);
            assertThat(broker.getReconnectAttempts()).isZero();
            assertThat(broker.getStaticConnectors()[0].getParams())
                    .containsEntry(TransportConstants.NETTY_CONNECT_TIMEOUT, 2000);
        });
        assertThat(ClusterBrokers.eachBroker(properties(ArtemisMode.NATIVE, "tcp://mq1.example:61616"), Duration.ofSeconds(2)))
                .extracting(ClusterBrokers::nameOf).containsExactly("mq1.example:61616");
    }
}
