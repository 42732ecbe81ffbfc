package org.rabt.config.broker;

import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.List;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.rabt.config.wiring.DeliveryProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.artemis.autoconfigure.ArtemisConfigurationCustomizer;
import org.springframework.boot.artemis.autoconfigure.ArtemisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded broker's queues and retry policy: {@link BrokerSettings}, the same properties an
 * external broker is given ({@code java -jar rabt.jar broker properties}). And what operators see
 * of the queues, whichever the broker: {@code /actuator/queues}, {@code rabt_queue_depth} and,
 * with an external broker, {@code rabt_broker_up}.
 */
@Configuration(proxyBeanMethods = false)
public class BrokerConfiguration {

    @Bean
    ArtemisConfigurationCustomizer rabtQueues(DeliveryProperties delivery, AmqpProperties amqp) {
        return configuration -> {
            BrokerSettings.apply(configuration, BrokerSettings.of(delivery, amqp.sectors(), amqp.maxInboundBytes()));
        };
    }

    /**
     * The embedded broker is read directly; an external broker or cluster
     * ({@code spring.artemis.mode=native} with a broker URL) is asked, broker by broker, through
     * Artemis's management API: the hub's broker user then needs the {@code manage} permission on
     * the management address ({@code activemq.management}), see {@link ManagementQueueCounts}.
     */
    @Bean
    BrokerQueues brokerQueues(ObjectProvider<EmbeddedActiveMQ> embedded, ObjectProvider<ArtemisProperties> artemis,
            Clock clock) {
        List<ActiveMQConnectionFactory> external = ClusterBrokers.eachBroker(artemis.getIfAvailable(),
                ClusterQueueDepths.TIMEOUT);
        if (external.isEmpty()) {
            return new EmbeddedBrokerQueues(embedded);
        }
        return new ClusterQueueDepths(external.stream()
                .map(broker -> new ClusterQueueDepths.Broker(ClusterBrokers.nameOf(broker), broker))
                .toList(), clock);
    }

    @Bean
    QueueMetrics queueMetrics(BrokerQueues queues) {
        return new QueueMetrics(queues);
    }

    /** {@code rabt_broker_up{broker}}: for an external broker or cluster only (the embedded one is the hub itself). */
    @Bean
    MeterBinder brokerUpMetrics(BrokerQueues queues) {
        return queues instanceof ClusterQueueDepths cluster ? new BrokerUpMetrics(cluster) : registry -> { };
    }

    @Bean
    QueuesEndpoint queuesEndpoint(BrokerQueues queues) {
        return new QueuesEndpoint(queues);
    }
}
