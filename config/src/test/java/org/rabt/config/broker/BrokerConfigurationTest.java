package org.rabt.config.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.artemis.autoconfigure.ArtemisMode;
import org.springframework.boot.artemis.autoconfigure.ArtemisProperties;

/** Which reader of the queue depths the hub takes: the embedded broker's own, or the brokers' management API. */
class BrokerConfigurationTest {

    private final DefaultListableBeanFactory beans = new DefaultListableBeanFactory();

    @Test
    void anExternalBrokerOrClusterIsReadThroughTheManagementApiOfEachBroker() {
        beans.registerSingleton("artemis", ClusterBrokersTest.properties(ArtemisMode.NATIVE,
                "(tcp://mq1.example:61616,tcp://mq2.example:61617)?ha=true&reconnectAttempts=-1"));

        BrokerQueues queues = brokerQueues();

        assertThat(queues).isInstanceOfSatisfying(ClusterQueueDepths.class,
                cluster -> assertThat(cluster.brokerNames()).containsExactly("mq1.example:61616", "mq2.example:61617"));
    }

    @Test
    void theEmbeddedBrokerIsReadDirectly() {
        beans.registerSingleton("artemis", ClusterBrokersTest.properties(ArtemisMode.EMBEDDED, null));

        assertThat(brokerQueues()).isInstanceOf(EmbeddedBrokerQueues.class);
    }

    private BrokerQueues brokerQueues() {
        return new BrokerConfiguration().brokerQueues(beans.getBeanProvider(EmbeddedActiveMQ.class),
                beans.getBeanProvider(ArtemisProperties.class), Clock.systemUTC());
    }
}
